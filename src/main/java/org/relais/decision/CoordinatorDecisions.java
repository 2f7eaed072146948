package org.relais.decision;

import java.time.Instant;
import java.time.LocalDate;
import org.relais.attendance.AttendanceCount;
import org.relais.budget.BudgetReview;
import org.relais.calendar.HeldDays;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.AwaitedReplies;
import org.relais.minutes.Dispatch;
import org.relais.minutes.FlowMails;
import org.relais.minutes.MinutesDecisions;
import org.relais.translation.TranslationJobs;
import org.relais.translation.TranslationPlanner;
import org.springframework.stereotype.Component;

/**
 * Applies a coordinator's decision, the same from the console and from a reply: checked against what awaits a
 * decision under the reference (else {@link DecisionRefused}, and nothing changes), applied by the flow it belongs
 * to, and what that hands on returned as a {@link Dispatch}. Call inside a transaction (the console's, or the reply
 * consumer's); once nothing awaits a decision under the reference any more, the coordinators' later replies to its
 * mails are new mail again.
 */
@Component
public class CoordinatorDecisions {

    private final PendingDecisions pendingDecisions;
    private final BudgetReview budgets;
    private final MinutesDecisions minutes;
    private final TranslationPlanner translations;
    private final TranslationJobs jobs;
    private final AttendanceCount attendance;
    private final HeldDays heldDays;
    private final DirectoryRepository directory;
    private final AwaitedReplies awaitedReplies;
    private final FlowMails mails;

    CoordinatorDecisions(PendingDecisions pendingDecisions, BudgetReview budgets, MinutesDecisions minutes,
                         TranslationPlanner translations, TranslationJobs jobs, AttendanceCount attendance,
                         HeldDays heldDays, DirectoryRepository directory, AwaitedReplies awaitedReplies,
                         FlowMails mails) {
        this.pendingDecisions = pendingDecisions;
        this.budgets = budgets;
        this.minutes = minutes;
        this.translations = translations;
        this.jobs = jobs;
        this.attendance = attendance;
        this.heldDays = heldDays;
        this.directory = directory;
        this.awaitedReplies = awaitedReplies;
        this.mails = mails;
    }

    /**
     * Settles a budget review (after an objection, or one nobody answered); the organiser, the coordinators and the
     * funders are told.
     *
     * @param replyMailId the coordinator's reply that decided, or null from the console
     */
    public Dispatch settleBudget(String reference, long budgetId, boolean approve, String comment, String coordinator,
                                 Long replyMailId) {
        if (pendingDecisions.of(reference).budgets().stream().noneMatch(b -> b.budgetId() == budgetId)) {
            throw new DecisionRefused("settled", reference);
        }
        return settled(reference, Dispatch.ofMails(budgets.decide(budgetId, approve, coordinator, comment,
                replyMailId)));
    }

    /**
     * Sets the language of a minutes document the detector could not tell; it becomes a version of the minutes, and
     * the translations it lacks are planned once no document's language is unknown.
     */
    public Dispatch setLanguage(String reference, long documentId, String language, String coordinator) {
        if (pendingDecisions.of(reference).uncertain().stream().noneMatch(d -> d.documentId() == documentId)) {
            throw new DecisionRefused("settled", reference);
        }
        if (!minutes.languages().contains(language)) {
            throw new DecisionRefused("unknown-language", language);
        }
        return settled(reference, minutes.setLanguage(documentId, language, coordinator)
                .and(translations.plan(reference, "decision:language:" + documentId + ":" + language)));
    }

    /** Circulates minutes still collecting their versions with those they have: the distribution starts. */
    public Dispatch circulate(String reference, String coordinator) {
        MinutesDecisions.Collecting collecting = collecting(reference);
        if (collecting.present().isEmpty()) {
            throw new DecisionRefused("no-version", reference);
        }
        return settled(reference, minutes.circulate(reference, coordinator));
    }

    /**
     * Gives minutes still collecting their versions {@code days} more (at most one completion period at a time);
     * returns the new deadline.
     */
    public Instant extend(String reference, int days) {
        collecting(reference);
        long longest = minutes.longestExtension().toDays();
        if (days < 1 || days > longest) {
            throw new DecisionRefused("extension", days, longest);
        }
        return minutes.extend(reference, days);
    }

    /** Gives an unfinished translation job to a translator of the directory, who gets it by mail. */
    public Dispatch giveTranslation(String reference, long jobId, String translator) {
        if (pendingDecisions.of(reference).jobs().stream().noneMatch(job -> job.jobId() == jobId)) {
            throw new DecisionRefused("settled", reference);
        }
        Contact contact = directory.contact(translator).filter(c -> c.hasRole("translator"))
                .orElseThrow(() -> new DecisionRefused("not-a-translator", translator));
        return settled(reference, jobs.giveTo(jobId, contact));
    }

    /** Puts a participant of the reference's attendance sheets in a category; the evaluation counts it at once. */
    public Dispatch correctCategory(String reference, long participantId, String category, String coordinator) {
        if (pendingDecisions.of(reference).participants().stream().noneMatch(p -> p.id() == participantId)) {
            throw new DecisionRefused("settled", reference);
        }
        if (!attendance.categories().contains(category)) {
            throw new DecisionRefused("unknown-category", category);
        }
        attendance.correctCategory(participantId, category, coordinator);
        return settled(reference, Dispatch.none());
    }

    /**
     * Records the day a seminar was held, asked of the coordinators by a mail about {@link HeldDays#request}; the
     * deadlines of what is owed after the seminar move with it. (The board's button records it as well.)
     */
    public Dispatch recordHeld(String reference, LocalDate heldOn, String coordinator) {
        String seminar = pendingDecisions.of(reference).seminar()
                .orElseThrow(() -> new DecisionRefused("settled", reference)).seminar().code();
        if (heldDays.record(seminar, heldOn, coordinator) == HeldDays.Outcome.NOT_YET) {
            throw new DecisionRefused("future-day", heldOn.toString());
        }
        return settled(reference, Dispatch.none());
    }

    private MinutesDecisions.Collecting collecting(String reference) {
        return pendingDecisions.of(reference).collecting()
                .orElseThrow(() -> new DecisionRefused("settled", reference));
    }

    private Dispatch settled(String reference, Dispatch applied) {
        if (pendingDecisions.of(reference).isEmpty()) {
            mails.coordinators().forEach(coordinator -> awaitedReplies.forget(reference, coordinator.address(),
                    AwaitedReplies.DECISION_FLOW));
        }
        return applied;
    }
}
