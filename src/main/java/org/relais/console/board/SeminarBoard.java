package org.relais.console.board;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The six seminars with every fact the sources know, by column, and the months their timeline spans. */
@Component
class SeminarBoard {

    /** The columns in the order coordinators follow a seminar; columns added by later flows come after. */
    static final List<String> COLUMNS = List.of("forecast", "minutes", "translations", "distribution", "report");

    record Row(Seminar seminar, String organiser, YearMonth plannedMonth, SeminarFact actualDate,
               Map<String, List<SeminarFact>> facts) {
    }

    record Board(List<Row> rows, List<String> columns, List<YearMonth> months) {
    }

    private final DirectoryRepository directory;
    private final List<SeminarFactSource> sources;
    private final JdbcClient jdbc;

    SeminarBoard(DirectoryRepository directory, List<SeminarFactSource> sources, JdbcClient jdbc) {
        this.directory = directory;
        this.sources = sources;
        this.jdbc = jdbc;
    }

    Board board() {
        List<SeminarFact> facts = new ArrayList<>();
        sources.forEach(source -> facts.addAll(source.facts()));
        Set<String> columns = new LinkedHashSet<>(COLUMNS);
        facts.stream().map(SeminarFact::column).filter(column -> !column.equals("actual-date"))
                .forEach(columns::add);
        Map<String, String> organisers = new LinkedHashMap<>();
        jdbc.sql("select code, name from organisation").query((rs, row) -> organisers.put(rs.getString("code"),
                rs.getString("name"))).list();
        List<Row> rows = new ArrayList<>();
        for (Seminar seminar : directory.seminars()) {
            Map<String, List<SeminarFact>> byColumn = new LinkedHashMap<>();
            columns.forEach(column -> byColumn.put(column, new ArrayList<>()));
            SeminarFact actualDate = null;
            for (SeminarFact fact : facts) {
                if (!fact.seminarCode().equals(seminar.code())) {
                    continue;
                }
                if (fact.column().equals("actual-date")) {
                    actualDate = fact;
                } else {
                    byColumn.get(fact.column()).add(fact);
                }
            }
            rows.add(new Row(seminar, organisers.getOrDefault(seminar.organiserCode(), seminar.organiserCode()),
                    seminar.plannedMonth(), actualDate, byColumn));
        }
        return new Board(rows, List.copyOf(columns), months(rows));
    }

    /** From the month before the first seminar to the month after the last, planned or held. */
    private static List<YearMonth> months(List<Row> rows) {
        List<YearMonth> all = new ArrayList<>();
        for (Row row : rows) {
            all.add(row.plannedMonth());
            if (row.actualDate() != null && row.actualDate().at() != null) {
                all.add(YearMonth.from(row.actualDate().at().atZone(java.time.ZoneId.systemDefault())));
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        YearMonth first = all.stream().min(YearMonth::compareTo).orElseThrow().minusMonths(1);
        YearMonth last = all.stream().max(YearMonth::compareTo).orElseThrow().plusMonths(1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
