package org.relais.budget;

import java.util.Optional;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.relais.intake.DocumentMessage;
import org.springframework.stereotype.Component;

/**
 * The context of a budget mailed in, from the directory: its seminar, the country of the seminar's organiser (the
 * sender's own when no seminar was matched) and the seminar's year.
 */
@Component
class BudgetContexts {

    private final DirectoryRepository directory;

    BudgetContexts(DirectoryRepository directory) {
        this.directory = directory;
    }

    BudgetContext of(DocumentMessage document) {
        Optional<Seminar> seminar = directory.seminars().stream()
                .filter(s -> s.code().equals(document.seminar())).findFirst();
        Optional<String> country = seminar.flatMap(s -> directory.countryOf(s.organiserCode()))
                .or(() -> directory.contact(document.sender())
                        .flatMap(contact -> directory.countryOf(contact.organisationCode())));
        return new BudgetContext(document.seminar(), country, seminar.map(s -> s.plannedMonth().getYear()));
    }
}
