package org.relais.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.springframework.stereotype.Component;

/**
 * A client of a LibreTranslate-compatible service: {@code GET /languages} to know the pairs it can translate,
 * {@code POST /translate} with {@code q, source, target, format, api_key}. Long texts go in pieces cut between
 * paragraphs; requests are spaced to respect the configured rate; a 429 or a server error is retried after the
 * {@code Retry-After} the service gives (bounded), other refusals are reported at once.
 */
@Component
public class MachineTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TranslationProperties.Machine settings;
    /** Made by the first request rather than with the hub: it sets up TLS, 0.15 s of the hub's start. */
    private HttpClient http;
    private final long spacingNanos;
    private long nextRequestAt = System.nanoTime();

    MachineTranslator(TranslationProperties properties) {
        this.settings = properties.machine();
        this.spacingNanos = Duration.ofMinutes(1).toNanos() / Math.max(1, settings.requestsPerMinute());
    }

    public String translate(String text, String source, String target) throws MachineTranslationException {
        Map<String, Set<String>> pairs = languages();
        if (!pairs.containsKey(source) || !pairs.get(source).contains(target)) {
            throw new MachineTranslationException("the service does not translate " + source + " to " + target);
        }
        StringBuilder translated = new StringBuilder();
        for (String piece : pieces(text, settings.maxChunkCharacters())) {
            // the service trims what it returns: the line breaks between pieces are kept here
            String core = piece.stripTrailing();
            String trailing = piece.substring(core.length());
            if (core.isBlank()) {
                translated.append(piece);
                continue;
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("q", core);
            body.put("source", source);
            body.put("target", target);
            body.put("format", "text");
            if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                body.put("api_key", settings.apiKey());
            }
            JsonNode answer = call(HttpRequest.newBuilder(endpoint("translate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
            JsonNode translation = answer.get("translatedText");
            if (translation == null || !translation.isTextual()) {
                throw new MachineTranslationException("no translatedText in the answer");
            }
            translated.append(translation.asText()).append(trailing);
        }
        return translated.toString();
    }

    /** Source language → the targets it can be translated to. */
    Map<String, Set<String>> languages() throws MachineTranslationException {
        JsonNode answer = call(HttpRequest.newBuilder(endpoint("languages")).GET());
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        for (JsonNode language : answer) {
            Set<String> targets = new HashSet<>();
            language.path("targets").forEach(t -> targets.add(t.asText()));
            pairs.put(language.path("code").asText(), targets);
        }
        return pairs;
    }

    private JsonNode call(HttpRequest.Builder request) throws MachineTranslationException {
        request.timeout(settings.requestTimeout()).header("Accept", "application/json");
        for (int attempt = 1; ; attempt++) {
            waitForTurn();
            HttpResponse<String> response;
            try {
                response = http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw new MachineTranslationException("unreachable: " + e, e);
                }
                pause(Duration.ofSeconds(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MachineTranslationException("interrupted", e);
            }
            int status = response.statusCode();
            if (status == 200) {
                try {
                    return JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new MachineTranslationException("unreadable answer: " + e.getMessage(), e);
                }
            }
            boolean busy = status == 429 || status == 503 || status >= 500;
            if (!busy || attempt >= settings.maxAttempts()) {
                throw new MachineTranslationException("HTTP " + status + ": " + error(response.body()));
            }
            pause(retryAfter(response, attempt));
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        }
        return http;
    }

    private Duration retryAfter(HttpResponse<String> response, int attempt) {
        Duration wait = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(Duration.ofSeconds(attempt));
        return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
    }

    /** Spaces requests evenly: at most requestsPerMinute, across every thread of this hub. */
    private void waitForTurn() throws MachineTranslationException {
        long at;
        synchronized (this) {
            at = Math.max(nextRequestAt, System.nanoTime());
            nextRequestAt = at + spacingNanos;
        }
        pause(Duration.ofNanos(at - System.nanoTime()));
    }

    private static void pause(Duration duration) throws MachineTranslationException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MachineTranslationException("interrupted", e);
        }
    }

    private URI endpoint(String path) {
        String base = settings.url().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private static String error(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error == null ? body : error.asText();
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static String json(Object value) throws MachineTranslationException {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new MachineTranslationException("cannot write the request", e);
        }
    }

    /** Pieces of at most {@code max} characters, cut after a paragraph, else after a sentence, else at a space. */
    static List<String> pieces(String text, int max) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + max);
            if (end < text.length()) {
                int cut = text.lastIndexOf("\n", end - 1);
                if (cut <= start) {
                    cut = text.lastIndexOf(". ", end - 2) + 1;
                }
                if (cut <= start) {
                    cut = text.lastIndexOf(' ', end - 1);
                }
                if (cut > start) {
                    end = cut + 1;
                }
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
