package org.relais.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A LibreTranslate-compatible server for the tests, over real HTTP on a free loopback port: {@code GET /languages}
 * and {@code POST /translate} (JSON, as LibreTranslate takes it, with {@code api_key}). It translates line by line
 * from a phrasebook the test fills, and returns a line it does not know unchanged — as LibreTranslate does with
 * what it cannot translate.
 */
public final class LibreTranslateStub {

    public static final String API_KEY = "test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the server loads unless a test says otherwise (LibreTranslate's LT_LOAD_ONLY). */
    private static final List<String> DEFAULT_LANGUAGES = List.of("fr", "ro", "bg", "en");
    private static LibreTranslateStub shared;

    /** One POST /translate as received. */
    public record Request(String q, String source, String target, String format, String apiKey) {
    }

    private final HttpServer server;
    private final Map<String, String> phrasebook = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger busyAnswers = new AtomicInteger();
    private volatile List<String> languages = DEFAULT_LANGUAGES;

    private LibreTranslateStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/languages", this::languages);
        server.createContext("/translate", this::translate);
        server.start();
    }

    /** The one server of the test JVM, started on first use. */
    public static synchronized LibreTranslateStub shared() {
        if (shared == null) {
            shared = new LibreTranslateStub();
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Teaches the server one line: {@code line} in any language becomes {@code translation} in {@code target}. */
    public void learn(String line, String target, String translation) {
        phrasebook.put(target + "|" + line.strip(), translation);
    }

    /** The next {@code count} translate requests are answered 429 with Retry-After: 0. */
    public void beBusy(int count) {
        busyAnswers.set(count);
    }

    /** The languages the server translates between from now on, until {@link #reset()}. */
    public void loadOnly(String... codes) {
        languages = List.of(codes);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        phrasebook.clear();
        requests.clear();
        busyAnswers.set(0);
        languages = DEFAULT_LANGUAGES;
    }

    private void languages(HttpExchange exchange) throws IOException {
        List<String> loaded = languages;
        List<Map<String, Object>> answer = loaded.stream().map(code -> Map.<String, Object>of("code", code,
                "name", code, "targets", loaded.stream().filter(t -> !t.equals(code)).toList())).toList();
        answer(exchange, 200, answer);
    }

    private void translate(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 405, Map.of("error", "POST only"));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Request request = new Request(body.path("q").asText(), body.path("source").asText(),
                body.path("target").asText(), body.path("format").asText(), body.path("api_key").asText(null));
        requests.add(request);
        if (!API_KEY.equals(request.apiKey())) {
            answer(exchange, 403, Map.of("error", "Invalid API key"));
            return;
        }
        if (busyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            answer(exchange, 429, Map.of("error", "Too many requests"));
            return;
        }
        StringBuilder translated = new StringBuilder();
        for (String line : request.q().split("\n", -1)) {
            if (!translated.isEmpty()) {
                translated.append('\n');
            }
            translated.append(phrasebook.getOrDefault(request.target() + "|" + line.strip(), line));
        }
        answer(exchange, 200, Map.of("translatedText", translated.toString().strip()));
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
