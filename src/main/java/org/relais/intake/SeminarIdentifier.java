package org.relais.intake;

import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.relais.directory.Contact;
import org.relais.directory.Seminar;

/**
 * Finds the seminar a mail is about: named in the subject, a file name or a spreadsheet title; else the one the
 * sender's organisation organises; else named in the body; else the one the organisation takes part in; else the
 * only seminar planned in a month the subject names. Ambiguity at a step passes to the next.
 */
final class SeminarIdentifier {

    private static final Map<Month, List<String>> MONTH_NAMES = Map.of(
            Month.SEPTEMBER, List.of("septembre", "septembrie", "септември", "сентябрь", "сентября"),
            Month.OCTOBER, List.of("octobre", "octombrie", "октомври", "октябрь", "октября"),
            Month.NOVEMBER, List.of("novembre", "noiembrie", "ноември", "ноябрь", "ноября"),
            Month.DECEMBER, List.of("decembre", "decembrie", "декември", "декабрь", "декабря"));

    private SeminarIdentifier() {
    }

    static Optional<Seminar> identify(List<Seminar> seminars, Contact sender, String foldedNamingText,
                                      String foldedBody) {
        List<Predicate<Seminar>> steps = List.of(
                s -> namedIn(s, foldedNamingText),
                s -> sender != null && s.organiserCode().equals(sender.organisationCode()),
                s -> namedIn(s, foldedBody),
                s -> sender != null && s.participantCodes().contains(sender.organisationCode()),
                s -> monthNamedIn(s, foldedNamingText));
        for (Predicate<Seminar> step : steps) {
            List<Seminar> found = seminars.stream().filter(step).toList();
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static boolean namedIn(Seminar seminar, String foldedText) {
        return seminar.keywords().stream().map(Folding::fold).anyMatch(foldedText::contains);
    }

    private static boolean monthNamedIn(Seminar seminar, String foldedText) {
        return MONTH_NAMES.getOrDefault(seminar.plannedMonth().getMonth(), List.of()).stream()
                .map(Folding::fold).anyMatch(foldedText::contains);
    }
}
