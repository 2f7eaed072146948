package org.relais.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relais.distribution.DocumentWords;
import org.relais.mail.OutgoingMailComposer;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * A pipeline event put into words in a member's language: a headline for its type and its facts as lines, each on
 * one line whatever it holds (a file name a sender wrote with line breaks cannot forge lines of the mail).
 */
@Component
class EventWords {

    record Described(String headline, String seminar, String reference, List<String> facts) {
    }

    private final DocumentWords words;

    EventWords(DocumentWords words) {
        this.words = words;
    }

    Described describe(String language, String type, String reference, String seminarCode, Map<String, String> facts) {
        String headline = optional(language, "notification.event." + type)
                .orElseGet(() -> words.text(language, "notification.event.other", type));
        List<String> lines = new ArrayList<>();
        new TreeMap<>(facts == null ? Map.<String, String>of() : facts).forEach((key, value) -> lines.add(
                optional(language, "notification.fact." + key).orElse(key) + " : "
                        + OutgoingMailComposer.singleLine(factValue(language, key, value))));
        return new Described(headline, seminarCode == null ? null : words.seminar(language, seminarCode),
                reference, lines);
    }

    private String factValue(String language, String key, String value) {
        if (key.equals("kind")) {
            return optional(language, "distribution.kind." + value).orElse(value);
        }
        if (key.equals("verdict")) {
            return optional(language, "notification.verdict." + value).orElse(value);
        }
        return value;
    }

    private java.util.Optional<String> optional(String language, String key) {
        try {
            return java.util.Optional.of(words.text(language, key));
        } catch (NoSuchMessageException e) {
            return java.util.Optional.empty();
        }
    }
}
