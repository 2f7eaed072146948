package org.relais.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The calendar in the console: the day a seminar was held, set by a coordinator from the board or the API. */
@Controller
class CalendarController {

    record HeldDay(LocalDate heldOn) {
    }

    private final HeldDays heldDays;
    private final SeminarCalendar calendar;

    CalendarController(HeldDays heldDays, SeminarCalendar calendar) {
        this.heldDays = heldDays;
        this.calendar = calendar;
    }

    @PostMapping("/seminars/{code}/held")
    String held(@PathVariable String code, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn) {
        check(heldDays.recordFromConsole(code, heldOn));
        return "redirect:/board";
    }

    @PostMapping("/api/seminars/{code}/held")
    @ResponseBody
    SeminarDates heldApi(@PathVariable String code, @RequestBody HeldDay day) {
        if (day.heldOn() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "heldOn (yyyy-mm-dd) is required");
        }
        check(heldDays.recordFromConsole(code, day.heldOn()));
        return calendar.seminars().stream().filter(s -> s.seminar().code().equals(code)).findFirst().orElseThrow();
    }

    @GetMapping("/api/calendar")
    @ResponseBody
    List<SeminarDates> api() {
        return calendar.seminars();
    }

    private static void check(HeldDays.Outcome outcome) {
        switch (outcome) {
            case UNKNOWN_SEMINAR -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such seminar");
            case NOT_YET -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a seminar is held on a past day");
            case RECORDED -> { }
        }
    }
}
