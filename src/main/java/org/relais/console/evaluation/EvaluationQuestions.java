package org.relais.console.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nine questions of the seminar report's evaluation table ("3/ L'évaluation du projet"), each answered with the
 * figures the hub holds — summed over the seminars' indicators, or counted over the partnership — and, for what
 * the hub does not record (a questionnaire, the strengths and weaknesses found), "not recorded".
 */
@Component
class EvaluationQuestions {

    /** The report asks for the minutes in the partnership's three languages (Romanian, Bulgarian, French). */
    private static final int MINUTES_LANGUAGES = 3;
    /** What an organiser owes for its seminar: forecast, attendance sheet, minutes, financial report. */
    private static final int OBLIGATIONS_PER_SEMINAR = 4;

    /** A figure: its value (out of a total when it is a share), or no value when the hub does not record it. */
    record Figure(String key, Long value, Long outOf) {

        boolean recorded() {
            return value != null;
        }

        static Figure notRecorded(String key) {
            return new Figure(key, null, null);
        }
    }

    /** A question of the table, the indicator the report names for it, and the figures that answer it. */
    record Answer(String question, List<Figure> figures) {
    }

    private final JdbcClient jdbc;

    EvaluationQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Answer> answers(List<Indicator> indicators, int seminars) {
        Figures figures = new Figures(indicators);
        Long held = figures.sum("seminars-held");
        Long met = held == null ? null : figures.sum("obligations-on-time") + figures.sum("obligations-late");
        return List.of(
                new Answer("diagnosis", List.of(
                        new Figure("seminars-with-minutes", figures.seminarsWithAtLeast("minutes", 1), (long) seminars),
                        new Figure("minutes-in-three-languages",
                                figures.seminarsWithAtLeast("minutes-languages", MINUTES_LANGUAGES), (long) seminars),
                        new Figure("final-syntheses", count("select count(*) from distribution where kind = 'synthesis'"),
                                null),
                        Figure.notRecorded("comparative-analysis"),
                        Figure.notRecorded("questionnaire"))),
                new Answer("calendar", List.of(
                        new Figure("seminars-held", held, (long) seminars),
                        new Figure("held-in-planned-month", figures.sum("held-in-planned-month"), held),
                        new Figure("obligations-on-time", figures.sum("obligations-on-time"), null),
                        new Figure("obligations-late", figures.sum("obligations-late"), null),
                        new Figure("obligations-overdue", figures.sum("obligations-overdue"), null))),
                new Answer("participation", List.of(
                        new Figure("participants", figures.sum("participants"), null),
                        new Figure("elected-officials", figures.sum("elected-officials"), null),
                        new Figure("ngo-representatives", figures.sum("ngo-representatives"), null),
                        Figure.notRecorded("active-participation"))),
                new Answer("questions", List.of(
                        new Figure("themes-planned", figures.sum("themes-planned"), null),
                        Figure.notRecorded("programmes"))),
                new Answer("strengths", List.of(Figure.notRecorded("strengths-weaknesses"))),
                new Answer("actions", List.of(Figure.notRecorded("action-leads"))),
                new Answer("lessons", List.of(Figure.notRecorded("lessons-perspectives"))),
                new Answer("involvement", List.of(
                        new Figure("host-obligations-met", met, (long) OBLIGATIONS_PER_SEMINAR * seminars),
                        new Figure("hosts-contributing-in-kind", count("""
                                select count(distinct b.seminar_code) from budget b
                                join budget_amount a on a.budget_id = b.id
                                where b.superseded_by is null and b.verdict = 'accepted' and a.line = 'TOTAL'
                                  and a.column_name = 'RECEIPTS_IN_KIND' and a.amount > 0
                                """), (long) seminars),
                        new Figure("ngo-representatives", figures.sum("ngo-representatives"), null))),
                new Answer("communication", List.of(
                        new Figure("distributed-mails", figures.sum("distributed-mails"), null),
                        new Figure("recipients-reached", count("""
                                select count(distinct recipient) from distribution_ledger where state = 'sent'
                                """), null),
                        new Figure("newsletter-issues", count("select count(*) from newsletter_issue"), null))));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The seminars' indicators, by key: sums, and how many seminars reach a value. */
    private static final class Figures {

        private final Map<String, Map<String, Long>> byKey = new HashMap<>();

        Figures(List<Indicator> indicators) {
            indicators.forEach(indicator -> byKey.computeIfAbsent(indicator.key(), k -> new HashMap<>())
                    .merge(indicator.seminarCode(), indicator.value(), Long::sum));
        }

        /** Null when no flow reports this indicator: the hub does not record it. */
        Long sum(String key) {
            Map<String, Long> values = byKey.get(key);
            return values == null ? null : values.values().stream().mapToLong(Long::longValue).sum();
        }

        Long seminarsWithAtLeast(String key, long minimum) {
            Map<String, Long> values = byKey.get(key);
            return values == null ? 0L : values.values().stream().filter(value -> value >= minimum).count();
        }
    }
}
