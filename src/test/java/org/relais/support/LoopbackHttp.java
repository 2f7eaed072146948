package org.relais.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser that connects from a loopback address of its choice (127.0.0.x), so that a test can be another client
 * address for the hub: HTTP/1.0 over a socket (Java 17's HttpClient cannot choose its local address), with the
 * session cookie kept and the login form's CSRF token sent.
 */
public final class LoopbackHttp {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(?i)^set-cookie:\\s*([^=;\\s]+)=([^;\\s]*)");

    /** An answer: its status, its headers (names in lower case) and its body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final InetAddress from;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public LoopbackHttp(String fromAddress, int port) {
        try {
            this.from = InetAddress.getByName(fromAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = port;
    }

    /** The login form filled in and posted, as a person does it. */
    public Answer login(String user, String password) {
        Matcher token = CSRF_FIELD.matcher(get("/login", Map.of()).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the login page");
        }
        String form = Map.of("username", user, "password", password, "_csrf", token.group(1)).entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    private Answer send(String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Accept: text/html,application/json;q=0.9\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (!cookies.isEmpty()) {
                request.append("Cookie: ").append(cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return answer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer answer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        List<String> lines = List.of(text.substring(0, end < 0 ? text.length() : end).split("\r\n"));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher cookie = COOKIE.matcher(line);
            if (cookie.find()) {
                cookies.put(cookie.group(1), cookie.group(2));
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return new Answer(Integer.parseInt(lines.get(0).split(" ")[1]), headers,
                end < 0 ? "" : text.substring(end + 4));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
