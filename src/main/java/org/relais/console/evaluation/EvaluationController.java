package org.relais.console.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Evaluation page: the nine questions of the seminar report's evaluation table with the figures the hub holds,
 * the indicators per seminar as a table and a bar chart; both tables exported as CSV and XLSX in the console's
 * language.
 */
@Controller
class EvaluationController {

    static final int CHART_LABEL_WIDTH = 200;
    static final int CHART_BAR_SPACE = 420;
    static final int CHART_BAR_HEIGHT = 9;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record Row(Seminar seminar, Map<String, Long> values) {
    }

    record Bar(int x, int y, int width, int height, String key, long value) {
    }

    record Chart(int width, int height, List<Bar> bars, List<Integer> rowY) {
    }

    private final DirectoryRepository directory;
    private final List<IndicatorSource> sources;
    private final EvaluationQuestions questions;
    private final MessageSource messages;

    EvaluationController(DirectoryRepository directory, List<IndicatorSource> sources, EvaluationQuestions questions,
                         MessageSource messages) {
        this.directory = directory;
        this.sources = sources;
        this.questions = questions;
        this.messages = messages;
    }

    @GetMapping("/evaluation")
    String evaluation(Model model) {
        List<Indicator> indicators = indicators();
        List<String> keys = keys(indicators);
        List<Row> rows = rows(indicators, keys);
        model.addAttribute("answers", questions.answers(indicators, rows.size()));
        model.addAttribute("keys", keys);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart(rows, keys));
        return "evaluation";
    }

    @GetMapping("/api/evaluation")
    @ResponseBody
    List<Indicator> api() {
        return indicators();
    }

    @GetMapping("/api/evaluation/questions")
    @ResponseBody
    List<EvaluationQuestions.Answer> questionsApi() {
        return questions.answers(indicators(), directory.seminars().size());
    }

    @GetMapping("/evaluation/export.csv")
    ResponseEntity<byte[]> csv(Locale locale) {
        return download(EvaluationExport.csv(tables(locale)), "csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                locale);
    }

    @GetMapping("/evaluation/export.xlsx")
    ResponseEntity<byte[]> xlsx(Locale locale) {
        return download(EvaluationExport.xlsx(tables(locale)), "xlsx", XLSX, locale);
    }

    private ResponseEntity<byte[]> download(byte[] content, String extension, MediaType type, Locale locale) {
        String name = text("console.evaluation.fileName", locale) + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition",
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    /** The questions with their figures, then the indicators per seminar, as the page shows them. */
    private List<EvaluationExport.Table> tables(Locale locale) {
        List<Indicator> indicators = indicators();
        List<String> keys = keys(indicators);
        List<Row> rows = rows(indicators, keys);
        List<List<Object>> answerRows = new ArrayList<>();
        for (EvaluationQuestions.Answer answer : questions.answers(indicators, rows.size())) {
            for (EvaluationQuestions.Figure figure : answer.figures()) {
                answerRows.add(Arrays.asList(
                        text("console.evaluation.q." + answer.question(), locale),
                        text("console.evaluation.i." + answer.question(), locale),
                        text("console.evaluation.f." + figure.key(), locale),
                        figure.recorded() ? figure.value() : text("console.evaluation.notRecorded", locale),
                        figure.outOf()));
            }
        }
        List<List<Object>> seminarRows = new ArrayList<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            values.add(row.seminar().number() + ". " + row.seminar().title());
            keys.forEach(key -> values.add(row.values().get(key)));
            seminarRows.add(values);
        }
        List<String> seminarHeadings = new ArrayList<>();
        seminarHeadings.add(text("console.board.seminar", locale));
        keys.forEach(key -> seminarHeadings.add(text("console.indicator." + key, locale)));
        return List.of(
                new EvaluationExport.Table(text("console.evaluation.questions", locale), List.of(
                        text("console.evaluation.question", locale), text("console.evaluation.indicator", locale),
                        text("console.evaluation.figure", locale), text("console.evaluation.value", locale),
                        text("console.evaluation.outOf", locale)), answerRows),
                new EvaluationExport.Table(text("console.evaluation.perSeminar", locale), seminarHeadings,
                        seminarRows));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private List<Indicator> indicators() {
        List<Indicator> indicators = new ArrayList<>();
        sources.forEach(source -> indicators.addAll(source.indicators()));
        return indicators;
    }

    private static List<String> keys(List<Indicator> indicators) {
        Set<String> keys = new LinkedHashSet<>(DocumentIndicators.KEYS);
        indicators.forEach(indicator -> keys.add(indicator.key()));
        return List.copyOf(keys);
    }

    private List<Row> rows(List<Indicator> indicators, List<String> keys) {
        List<Row> rows = new ArrayList<>();
        for (Seminar seminar : directory.seminars()) {
            Map<String, Long> values = new LinkedHashMap<>();
            keys.forEach(key -> values.put(key, 0L));
            indicators.stream().filter(indicator -> indicator.seminarCode().equals(seminar.code()))
                    .forEach(indicator -> values.merge(indicator.key(), indicator.value(), Long::sum));
            rows.add(new Row(seminar, values));
        }
        return rows;
    }

    /** One group of bars per seminar, one bar per indicator, each scaled to the largest figure of its indicator. */
    private static Chart chart(List<Row> rows, List<String> keys) {
        Map<String, Long> maxima = new LinkedHashMap<>();
        keys.forEach(key -> maxima.put(key, rows.stream().mapToLong(row -> row.values().get(key)).max().orElse(0)));
        List<Bar> bars = new ArrayList<>();
        List<Integer> rowY = new ArrayList<>();
        int y = 10;
        for (Row row : rows) {
            rowY.add(y);
            for (String key : keys) {
                long value = row.values().get(key);
                long max = Math.max(1, maxima.get(key));
                bars.add(new Bar(CHART_LABEL_WIDTH, y, (int) (CHART_BAR_SPACE * value / max), CHART_BAR_HEIGHT, key,
                        value));
                y += CHART_BAR_HEIGHT + 2;
            }
            y += 14;
        }
        return new Chart(CHART_LABEL_WIDTH + CHART_BAR_SPACE + 60, y, bars, rowY);
    }
}
