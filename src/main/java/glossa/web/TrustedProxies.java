package glossa.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who the client is, when reverse proxies stand in between. {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed only when the connection comes from one of the configured
 * proxies: anyone else could write those headers to pose as another address (and so escape sign-in
 * throttling, or share their penalty with an innocent address).
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Hops of X-Forwarded-For looked at; a longer chain is cut, never parsed whole. */
    private static final int MAX_HOPS = 20;

    private final Set<InetAddress> proxies;

    /**
     * @param addresses IP addresses (v4 or v6) of the proxies in front of the server; may be empty
     * @throws IllegalArgumentException naming the first entry that is not an IP address
     */
    public TrustedProxies(Collection<String> addresses) {
        this.proxies = addresses.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> parse(s).orElseThrow(() ->
                        new IllegalArgumentException("--trusted-proxy: \u201c" + s + "\u201d is not an IP address")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The client's address, for {@code ctx.ip()}: the nearest hop that is not a trusted proxy. */
    public String clientAddress(Context ctx) {
        return clientAddress(ctx.req().getRemoteAddr(), ctx.req().getHeaders("X-Forwarded-For"));
    }

    String clientAddress(String remote, java.util.Enumeration<String> forwardedFor) {
        Optional<InetAddress> peer = parse(remote);
        if (peer.isEmpty()) {
            return remote;
        }
        InetAddress current = peer.get();
        if (!proxies.contains(current) || forwardedFor == null) {
            return current.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        while (forwardedFor.hasMoreElements()) {
            for (String hop : forwardedFor.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        // Read from the right: each trusted proxy vouches for the hop before it, and no further.
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS) && proxies.contains(current); i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            current = hop.get();
        }
        return current.getHostAddress();
    }

    /** True when a trusted proxy says the client spoke HTTPS to it. */
    public boolean forwardedHttps(Context ctx) {
        // Asked on every request: the cheap tests first, the peer's address parsed only when it matters.
        String proto = proxies.isEmpty() ? null : ctx.header("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        Optional<InetAddress> peer = parse(ctx.req().getRemoteAddr());
        if (peer.isEmpty() || !proxies.contains(peer.get())) {
            return false;
        }
        // The nearest proxy writes the last value; earlier ones could have come from the client.
        String[] values = proto.split(",");
        return "https".equalsIgnoreCase(values[values.length - 1].strip());
    }

    /**
     * An IP literal, never a host name: nothing here may cause a DNS lookup. Accepts IPv6 with or
     * without brackets.
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean literal = IPV4.matcher(s).matches()
                || (s.contains(":")
                        && s.chars().allMatch(c -> c == ':' || c == '.' || c == '%' || Character.digit(c, 16) >= 0));
        if (!literal) {
            return Optional.empty();
        }
        try {
            // For a literal (checked above) getByName only parses; it does not resolve.
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
