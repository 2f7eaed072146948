package org.relais.console.board;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.relais.console.alarms.Alarm;
import org.relais.console.alarms.Alarms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The seminars board: a timeline of the six seminars and, for each, where its documents stand; and the alarms. */
@Controller
class BoardController {

    /** Timeline geometry, in SVG user units: a label column, then one column per month. */
    static final int LABEL_WIDTH = 220;
    static final int MONTH_WIDTH = 90;
    static final int ROW_HEIGHT = 28;

    private final SeminarBoard board;
    private final Alarms alarms;

    BoardController(SeminarBoard board, Alarms alarms) {
        this.board = board;
        this.alarms = alarms;
    }

    @GetMapping("/board")
    String board(Model model) {
        SeminarBoard.Board current = board.board();
        model.addAttribute("board", current);
        model.addAttribute("timeline", Timeline.of(current));
        model.addAttribute("recentAlarms", alarms.recent(10));
        return "board";
    }

    @GetMapping("/api/board")
    @ResponseBody
    SeminarBoard.Board api() {
        return board.board();
    }

    @GetMapping("/api/alarms")
    @ResponseBody
    List<Alarm> alarms() {
        return alarms.recent(50);
    }

    /** Positions of the timeline's marks, computed here so that the template only places them. */
    record Timeline(int width, int height, List<Tick> ticks, List<Bar> bars) {

        record Tick(int x, YearMonth month) {
        }

        record Bar(int y, String label, int plannedX, Integer actualX) {
        }

        static Timeline of(SeminarBoard.Board board) {
            List<YearMonth> months = board.months();
            List<Tick> ticks = new java.util.ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                ticks.add(new Tick(LABEL_WIDTH + i * MONTH_WIDTH, months.get(i)));
            }
            List<Bar> bars = new java.util.ArrayList<>();
            int y = ROW_HEIGHT;
            for (SeminarBoard.Row row : board.rows()) {
                Integer actualX = null;
                if (row.actualDate() != null && row.actualDate().at() != null) {
                    var date = row.actualDate().at().atZone(ZoneId.systemDefault()).toLocalDate();
                    actualX = x(months, YearMonth.from(date))
                            + MONTH_WIDTH * (date.getDayOfMonth() - 1) / date.lengthOfMonth();
                }
                bars.add(new Bar(y, row.seminar().number() + ". " + row.seminar().title(),
                        x(months, row.plannedMonth()), actualX));
                y += ROW_HEIGHT;
            }
            return new Timeline(LABEL_WIDTH + months.size() * MONTH_WIDTH, y + 8, ticks, bars);
        }

        private static int x(List<YearMonth> months, YearMonth month) {
            return LABEL_WIDTH + Math.max(0, months.indexOf(month)) * MONTH_WIDTH;
        }
    }
}
