package glossa.texts;

import glossa.WebClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Posts a multipart form with one file, as a browser does, with the CSRF token from the form's page. */
final class Multipart {

    private Multipart() {}

    static HttpResponse<String> post(
            WebClient who, String path, Map<String, String> fields, String filename, byte[] content) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", who.csrfToken(path));
        String boundary = "----glossa" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : all.entrySet()) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                            + e.getValue() + "\r\n");
        }
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return who.send(HttpRequest.newBuilder(who.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
