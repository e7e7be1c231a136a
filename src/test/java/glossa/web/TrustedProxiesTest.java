package glossa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static String client(TrustedProxies proxies, String remote, String... forwardedFor) {
        return proxies.clientAddress(remote, Collections.enumeration(List.of(forwardedFor)));
    }

    @Test
    void forwardedForIsIgnoredUnlessTheConnectionComesFromATrustedProxy() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertEquals("203.0.113.9", client(none, "203.0.113.9", "198.51.100.1"));
        TrustedProxies proxy = new TrustedProxies(List.of("10.0.0.1"));
        assertEquals("203.0.113.9", client(proxy, "203.0.113.9", "198.51.100.1"), "not from the proxy");
        assertEquals("198.51.100.1", client(proxy, "10.0.0.1", "198.51.100.1"));
    }

    @Test
    void onlyTheHopsTrustedProxiesVouchForAreBelieved() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.1", "10.0.0.2"));
        // The client wrote "1.2.3.4" itself; the outer proxy 10.0.0.2 saw 198.51.100.7 and the inner one saw 10.0.0.2.
        assertEquals("198.51.100.7", client(proxies, "10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2"));
        assertEquals(
                "198.51.100.7",
                client(proxies, "10.0.0.1", "1.2.3.4", "198.51.100.7", "10.0.0.2"),
                "several header lines");
        assertEquals(
                "10.0.0.1", client(proxies, "10.0.0.1", "not-an-address"), "garbage stops at the last trusted hop");
        assertEquals("10.0.0.1", client(proxies, "10.0.0.1"), "no header: the proxy itself");
        assertEquals("2001:db8:0:0:0:0:0:7", client(proxies, "10.0.0.1", "[2001:db8::7]"));
    }

    @Test
    void hostNamesAreNeverLookedUpAndBadEntriesStopTheStart() {
        assertTrue(TrustedProxies.parse("localhost").isEmpty());
        assertTrue(TrustedProxies.parse("abc").isEmpty());
        assertTrue(TrustedProxies.parse("999.1.1.1").isEmpty());
        assertEquals(
                "0:0:0:0:0:0:0:1", TrustedProxies.parse("::1").orElseThrow().getHostAddress());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example")));
        assertTrue(e.getMessage().contains("proxy.example"), e.getMessage());
    }
}
