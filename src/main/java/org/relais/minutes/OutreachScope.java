package org.relais.minutes;

import java.util.Optional;
import org.relais.intake.DocumentKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What outreach is and for which seminar, as a coordinator corrects it from the console while it is still being
 * translated: the distribution, asked for once every version is there, follows the corrected row.
 */
@Component
public class OutreachScope {

    public enum Outcome { CHANGED, NOT_OUTREACH, ALREADY_DISTRIBUTED }

    private final MinutesRepository repository;

    OutreachScope(MinutesRepository repository) {
        this.repository = repository;
    }

    /** The outreach of this reference, if it is outreach. */
    @Transactional(readOnly = true)
    public Optional<Minutes> find(String reference) {
        return repository.find(reference).filter(Minutes::outreach);
    }

    /** @param seminarCode null: the whole programme */
    @Transactional
    public Outcome change(String reference, DocumentKind kind, String seminarCode) {
        if (!kind.outreach()) {
            throw new IllegalArgumentException("Not an outreach kind: " + kind);
        }
        Minutes minutes = repository.lock(reference).filter(Minutes::outreach).orElse(null);
        if (minutes == null) {
            return Outcome.NOT_OUTREACH;
        }
        if (!minutes.collecting()) {
            return Outcome.ALREADY_DISTRIBUTED;
        }
        repository.changeScope(reference, kind, seminarCode);
        return Outcome.CHANGED;
    }
}
