package org.relais.console.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The Evaluation page: the seminar report's indicators per seminar, as a table and as a bar chart. */
@Controller
class EvaluationController {

    static final int CHART_LABEL_WIDTH = 200;
    static final int CHART_BAR_SPACE = 420;
    static final int CHART_BAR_HEIGHT = 9;

    record Row(Seminar seminar, Map<String, Long> values) {
    }

    record Bar(int x, int y, int width, int height, String key, long value) {
    }

    record Chart(int width, int height, List<Bar> bars, List<Integer> rowY) {
    }

    private final DirectoryRepository directory;
    private final List<IndicatorSource> sources;

    EvaluationController(DirectoryRepository directory, List<IndicatorSource> sources) {
        this.directory = directory;
        this.sources = sources;
    }

    @GetMapping("/evaluation")
    String evaluation(Model model) {
        List<Indicator> indicators = indicators();
        List<String> keys = keys(indicators);
        List<Row> rows = rows(indicators, keys);
        model.addAttribute("keys", keys);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart(rows, keys));
        model.addAttribute("seminarsWithMinutes", rows.stream()
                .filter(row -> row.values().getOrDefault("minutes", 0L) > 0).count());
        return "evaluation";
    }

    @GetMapping("/api/evaluation")
    @ResponseBody
    List<Indicator> api() {
        return indicators();
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
