package org.relais.dossier;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.relais.calendar.SeminarCalendar;
import org.relais.calendar.SeminarDates;
import org.relais.directory.DirectoryRepository;
import org.relais.minutes.MinutesProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a seminar's dossier from what every flow recorded, in one read-only transaction. */
@Component
class DossierAssembler {

    private final DossierRepository repository;
    private final SeminarCalendar calendar;
    private final DirectoryRepository directory;
    private final MinutesProperties minutes;
    private final Clock clock;

    DossierAssembler(DossierRepository repository, SeminarCalendar calendar, DirectoryRepository directory,
                     MinutesProperties minutes, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.directory = directory;
        this.minutes = minutes;
        this.clock = clock;
    }

    /** The dossier of a seminar; empty when there is no such seminar. */
    @Transactional(readOnly = true)
    public Optional<Dossier> assemble(String seminarCode) {
        return calendar.seminars().stream().filter(s -> s.seminar().code().equals(seminarCode)).findFirst()
                .map(this::assemble);
    }

    private Dossier assemble(SeminarDates dates) {
        String code = dates.seminar().code();
        String organiser = directory.organisationName(dates.seminar().organiserCode())
                .orElse(dates.seminar().organiserCode());
        Optional<Dossier.Budget> report = repository.report(code);
        Optional<Dossier.Budget> forecast = repository.forecast(code, report);
        return new Dossier(
                new Dossier.Seminar(code, dates.seminar().number(), dates.seminar().keywords().get(0), organiser,
                        dates.plannedOn(), dates.heldOn(), dates.heldBy()),
                forecast.orElse(null), report.orElse(null),
                report.map(r -> repository.receipts(r.id())).orElse(List.of()),
                forecast.flatMap(f -> repository.review(f.id())).orElse(null),
                repository.attendance(code), repository.minutes(code), minutes.languages(),
                repository.sendings(code), clock.instant());
    }
}
