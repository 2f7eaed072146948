package org.relais.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relais.distribution.DocumentWords;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingMailComposer;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * A pipeline event put into words in a member's language (config/i18n/notification_*): what happened, to which
 * document — its kind in words, its reference, its seminar in words — and the facts worth a line. Codes never show:
 * a kind, a verdict, a language or a fact without words is left out or named generically. Each fact stays on one line
 * whatever it holds (a file name a sender wrote with line breaks cannot forge lines of the mail).
 */
@Component
class EventWords {

    /**
     * @param title    what happened to which document, e.g. "Document reçu : pièce justificative REL-2026-0042,
     *                 séminaire n° 1 (Argeș)": a single event's subject, a line of a listing
     * @param headline what happened
     * @param document the document's kind, in words
     * @param seminar  the seminar, in words
     * @param facts    one line each
     */
    record Described(String title, String headline, String document, String reference, String seminar,
                     List<String> facts) {
    }

    private static final String DISTRIBUTION_DONE = "distribution-done";
    private static final String BUDGET_VERDICT = "budget-verdict";
    /** What MinutesCollector writes when every language arrived, rather than a coordinator's name. */
    private static final String ALL_LANGUAGES = "all-languages";

    private final DocumentWords words;

    EventWords(DocumentWords words) {
        this.words = words;
    }

    Described describe(String language, PipelineEvent event) {
        Map<String, String> facts = event.facts() == null ? Map.of() : event.facts();
        String headline = headline(language, event.type(), facts);
        String document = document(language, facts.get("kind"));
        String seminar = event.seminar() != null ? words.seminar(language, event.seminar())
                : text(language, DISTRIBUTION_DONE.equals(event.type()) ? "distribution.seminar.all"
                : "notification.seminar.unknown");
        String about = event.reference() == null ? document : document + " " + event.reference();
        return new Described(text(language, "notification.title", headline, about, seminar), headline, document,
                event.reference(), seminar, lines(language, event.type(), facts));
    }

    private String headline(String language, String type, Map<String, String> facts) {
        String key = "notification.event." + type + (BUDGET_VERDICT.equals(type) ? "." + facts.get("verdict") : "");
        return optional(language, key).orElseGet(() -> text(language, "notification.event.other"));
    }

    /** An intake kind (kind.*) or a distribution kind (distribution.kind.*), in words; "document" when neither. */
    private String document(String language, String kind) {
        return optional(language, "kind." + kind)
                .or(() -> optional(language, "distribution.kind." + kind).map(EventWords::lowerFirst))
                .orElseGet(() -> text(language, "kind.other"));
    }

    private List<String> lines(String language, String type, Map<String, String> facts) {
        List<String> lines = new ArrayList<>();
        line(lines, language, "title", facts.get("title"));
        line(lines, language, "fileName", facts.get("fileName"));
        line(lines, language, "files", facts.get("files"));
        line(lines, language, "sender", facts.get("sender"));
        if (BUDGET_VERDICT.equals(type) && "rejected".equals(facts.get("verdict"))) {
            line(lines, language, "errors", facts.get("errors"));
        }
        if (BUDGET_VERDICT.equals(type) && "accepted".equals(facts.get("verdict"))) {
            lines.add(text(language, "notification.fact.reviewRequested"));
        }
        line(lines, language, "languages", languageNames(language, facts.get("languages")));
        line(lines, language, "translations-complete".equals(type) ? "missingAtDistribution" : "missing",
                languageNames(language, facts.get("missing")));
        if ("true".equals(facts.get("languageUncertain"))) {
            lines.add(text(language, "notification.fact.languageUncertain"));
        }
        String completedBy = facts.get("completedBy");
        if (completedBy != null && !completedBy.equals(ALL_LANGUAGES)) {
            line(lines, language, "decidedBy", completedBy);
        }
        for (String count : List.of("recipients", "sent", "failed", "skipped")) {
            line(lines, language, count, facts.get(count));
        }
        return lines;
    }

    private void line(List<String> lines, String language, String fact, String value) {
        String shown = OutgoingMailComposer.singleLine(value);
        if (!shown.isEmpty() && !shown.equals("null")) {
            lines.add(text(language, "notification.fact." + fact, shown));
        }
    }

    /** "fr,ro" as "français, roumain" in the reader's language. */
    private String languageNames(String language, String codes) {
        if (codes == null) {
            return null;
        }
        return Arrays.stream(codes.split(",")).map(String::strip).filter(code -> !code.isEmpty())
                .map(code -> optional(language, "language." + code).orElse(code))
                .collect(Collectors.joining(", "));
    }

    private static String lowerFirst(String words) {
        return words.isEmpty() ? words : words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1);
    }

    private String text(String language, String key, Object... arguments) {
        return words.text(language, key, arguments);
    }

    private Optional<String> optional(String language, String key) {
        try {
            return Optional.of(words.text(language, key));
        } catch (NoSuchMessageException e) {
            return Optional.empty();
        }
    }
}
