package glossa.bench;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ceiling for the load benchmark ({@code bin/bench-load}): Javalin with its defaults serving fixed
 * bytes from memory, nothing else. Usage: {@code BareJavalin PORT DIR}; serves each {@code DIR/NAME.html}
 * at {@code /NAME}.
 */
public final class BareJavalin {

    private BareJavalin() {}

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> pages = new HashMap<>();
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(f.getFileName().toString().replace(".html", ""), Files.readAllBytes(f));
            }
        }
        Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get("/{name}", ctx -> {
                        byte[] page = pages.get(ctx.pathParam("name"));
                        if (page == null) {
                            ctx.status(404);
                            return;
                        }
                        ctx.contentType("text/html; charset=utf-8");
                        ctx.header("Content-Length", Integer.toString(page.length));
                        ctx.res().getOutputStream().write(page);
                    });
                })
                .start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
