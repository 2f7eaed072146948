package org.relais.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Authentication-Results header (RFC 8601) as a mail server wrote it: who wrote it (the authserv-id) and the
 * result of each method it checked. Read leniently, as real servers write it: comments in parentheses (nested, with
 * quoted pairs), folded lines, quoted values, a version after the authserv-id, {@code none}, spaces around
 * {@code =} and {@code /}. What cannot be read is left out, never guessed.
 */
record AuthenticationResults(String authservId, List<Result> results) {

    /** One method's result, e.g. {@code dkim=pass header.d=example.org}; method and result in lower case. */
    record Result(String method, String result, Map<String, String> properties) {
    }

    static AuthenticationResults parse(String header) {
        List<List<String>> segments = segments(header == null ? "" : header);
        List<String> first = segments.get(0);
        String authservId = first.isEmpty() ? "" : first.get(0);
        List<Result> results = new ArrayList<>();
        for (List<String> segment : segments.subList(1, segments.size())) {
            result(segment).ifPresent(results::add);
        }
        return new AuthenticationResults(authservId, List.copyOf(results));
    }

    boolean isFrom(String trustedAuthservId) {
        return authservId.equalsIgnoreCase(trustedAuthservId);
    }

    List<Result> of(String method) {
        return results.stream().filter(result -> result.method().equals(method)).toList();
    }

    /** {@code method [/ version] = result} then {@code name = value} pairs (reason, ptype.property). */
    private static Optional<Result> result(List<String> words) {
        int equals = words.indexOf("=");
        if (equals <= 0 || equals + 1 >= words.size() || words.get(equals + 1).equals("=")) {
            return Optional.empty();
        }
        String method = String.join("", words.subList(0, equals)).toLowerCase(Locale.ROOT);
        int slash = method.indexOf('/');
        if (slash >= 0) {
            method = method.substring(0, slash);
        }
        String result = words.get(equals + 1).toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = equals + 2; i + 2 < words.size(); ) {
            if (words.get(i + 1).equals("=") && !words.get(i).equals("=") && !words.get(i + 2).equals("=")) {
                properties.putIfAbsent(words.get(i).toLowerCase(Locale.ROOT), words.get(i + 2));
                i += 3;
            } else {
                i++;
            }
        }
        return Optional.of(new Result(method, result, Collections.unmodifiableMap(properties)));
    }

    /**
     * The header's words, split into the segments between semicolons: comments dropped, quoted strings unquoted
     * (a semicolon or parenthesis inside one is text), {@code =} a word of its own, folding and spaces separators.
     */
    private static List<List<String>> segments(String header) {
        List<List<String>> segments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < header.length()) {
                i++;
                if (quoted) {
                    word.append(header.charAt(i));
                }
            } else if (depth > 0) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (quoted) {
                if (c == '"') {
                    quoted = false;
                    words.add(word.toString());
                    word.setLength(0);
                } else if (c != '\r' && c != '\n') {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth = 1;
                flush(word, words);
            } else if (c == ';' || c == '=' || Character.isWhitespace(c)) {
                flush(word, words);
                if (c == '=') {
                    words.add("=");
                } else if (c == ';') {
                    segments.add(words);
                    words = new ArrayList<>();
                }
            } else {
                word.append(c);
            }
        }
        flush(word, words);
        segments.add(words);
        return segments;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
