package org.relais.decision;

import java.util.List;
import java.util.Optional;
import org.relais.attendance.AttendanceCount;
import org.relais.attendance.SheetParticipant;
import org.relais.budget.BudgetReview;
import org.relais.calendar.HeldDays;
import org.relais.calendar.SeminarCalendar;
import org.relais.calendar.SeminarDates;
import org.relais.minutes.MinutesDecisions;
import org.relais.minutes.MinutesDocument;
import org.relais.translation.TranslationJobs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What awaits a coordinator's decision under one tracking reference, read from the flows' own state: the console's
 * forms show it, and a coordinator's reply is read against it (a reply to any mail about the reference may decide
 * any of it).
 */
@Component
public class PendingDecisions {

    /**
     * Everything a coordinator may decide under {@code reference} now.
     *
     * @param budgets          budget reviews to settle
     * @param uncertain        minutes documents whose language is to be set, in order
     * @param minutesLanguages the languages a minutes document may be set to
     * @param collecting       minutes still collecting their versions: to circulate now, or to give more time
     * @param jobs             translation jobs of those minutes not done, to give to a translator
     * @param participants     the participants of the reference's attendance sheets, whose category may be set
     * @param categories       the categories a participant may be put in
     * @param seminar          the seminar whose day held the coordinators were asked for (a reference of
     *                         {@link HeldDays#request}), while no coordinator has recorded it
     */
    public record Pending(String reference, List<BudgetReview.Unsettled> budgets, List<MinutesDocument> uncertain,
                          List<String> minutesLanguages, Optional<MinutesDecisions.Collecting> collecting,
                          List<TranslationJobs.Unfinished> jobs, List<SheetParticipant> participants,
                          List<String> categories, Optional<SeminarDates> seminar) {

        /**
         * Nothing awaits a decision: every review settled, every language and category known, no minutes waiting,
         * no day held to record.
         */
        public boolean isEmpty() {
            return budgets.isEmpty() && uncertain.isEmpty() && collecting.isEmpty() && unrecognised().isEmpty()
                    && seminar.isEmpty();
        }

        /** The participants whose category was not recognised, which the coordinators were asked for. */
        public List<SheetParticipant> unrecognised() {
            return participants.stream().filter(participant -> !participant.recognised()).toList();
        }
    }

    private final BudgetReview budgets;
    private final MinutesDecisions minutes;
    private final TranslationJobs translations;
    private final AttendanceCount attendance;
    private final SeminarCalendar calendar;

    PendingDecisions(BudgetReview budgets, MinutesDecisions minutes, TranslationJobs translations,
                     AttendanceCount attendance, SeminarCalendar calendar) {
        this.budgets = budgets;
        this.minutes = minutes;
        this.translations = translations;
        this.attendance = attendance;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public Pending of(String reference) {
        return new Pending(reference, budgets.unsettled(reference), minutes.uncertain(reference), minutes.languages(),
                minutes.collecting(reference), translations.unfinished(reference), attendance.participants(reference),
                attendance.categories(), seminarAsked(reference));
    }

    private Optional<SeminarDates> seminarAsked(String reference) {
        return HeldDays.seminarAsked(reference).flatMap(code -> calendar.seminars().stream()
                .filter(dates -> dates.seminar().code().equals(code) && dates.heldBy() == null).findFirst());
    }
}
