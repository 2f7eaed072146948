package org.relais.newsletter;

import java.util.List;
import org.relais.distribution.ListMailQueue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON for the console: the newsletter schedules, a preview of an issue, and an issue sent now. */
@RestController
@RequestMapping("/api/newsletters")
class NewsletterApi {

    record Sent(long issueId, String schedule, int mails, int skipped) {
    }

    private final NewsletterService newsletters;
    private final ListMailQueue queue;

    NewsletterApi(NewsletterService newsletters, ListMailQueue queue) {
        this.newsletters = newsletters;
        this.queue = queue;
    }

    @GetMapping
    List<NewsletterService.ScheduleView> schedules() {
        return newsletters.schedules();
    }

    @GetMapping("/{schedule}/preview")
    ResponseEntity<NewsletterService.Preview> preview(@PathVariable String schedule,
                                                      @RequestParam(defaultValue = "fr") String language) {
        if (!newsletters.languages().contains(language)) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(newsletters.preview(schedule, language));
    }

    /** Writes the issue (committed), then queues its mails. */
    @PostMapping("/{schedule}/send")
    Sent send(@PathVariable String schedule) {
        NewsletterService.Issue issue = newsletters.sendNow(schedule);
        queue.queue(issue.tickets());
        return new Sent(issue.issueId(), issue.schedule(), issue.mails(), issue.skipped());
    }

    @ExceptionHandler(NewsletterService.UnknownScheduleException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(NewsletterService.UnknownScheduleException e) {
        return e.getMessage();
    }
}
