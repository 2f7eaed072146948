package org.relais.console.quarantine;

import java.util.List;
import java.util.Locale;
import org.relais.broker.RouteHandOff;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.IntakeTicket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releasing a quarantined mail adds its sender to the directory if it is not there and hands the mail back to intake,
 * which then processes and answers it like any other, the coordinator vouching for a sender the mail server did not
 * authenticate; discarding keeps it (nothing is deleted) but out of every flow.
 */
@Service
class QuarantineRelease {

    /** The contact to create for the sender. */
    record NewContact(String name, String language, String organisation, List<String> roles) {
    }

    enum Outcome { RELEASED, DISCARDED, NOT_QUARANTINED }

    private final QuarantineRepository mails;
    private final DirectoryRepository directory;
    private final ActionLog actions;
    private final TransactionTemplate transaction;
    private final RouteHandOff handOff;

    QuarantineRelease(QuarantineRepository mails, DirectoryRepository directory, ActionLog actions,
                      TransactionTemplate transaction, RouteHandOff handOff) {
        this.mails = mails;
        this.directory = directory;
        this.actions = actions;
        this.transaction = transaction;
        this.handOff = handOff;
    }

    Outcome release(long mailId, NewContact contact) {
        Boolean released = transaction.execute(status -> {
            var mail = mails.find(mailId).orElse(null);
            if (mail == null || mail.sender() == null || !mails.markReceived(mailId, Actor.current())) {
                actions.record("quarantine.release", "mail-" + mailId, "refused", "not in quarantine");
                return false;
            }
            String address = mail.sender().toLowerCase(Locale.ROOT);
            if (directory.contact(address).isEmpty()) {
                String name = contact.name() == null || contact.name().isBlank() ? address : contact.name().strip();
                directory.upsertContact(new Contact(address, name,
                        contact.organisation() == null || contact.organisation().isBlank() ? null
                                : contact.organisation(),
                        contact.language(), contact.roles() == null ? List.of() : contact.roles(), null));
            }
            actions.record("quarantine.release", "mail-" + mailId, "done",
                    address + " added to the directory as " + contact.name() + " (" + contact.language() + ")");
            return true;
        });
        if (!Boolean.TRUE.equals(released)) {
            return Outcome.NOT_QUARANTINED;
        }
        // after the commit, so that intake finds the mail 'received'
        handOff.afterCommit(new IntakeTicket(mailId));
        return Outcome.RELEASED;
    }

    Outcome discard(long mailId) {
        return transaction.execute(status -> {
            boolean discarded = mails.markDiscarded(mailId);
            actions.record("quarantine.discard", "mail-" + mailId, discarded ? "done" : "refused", null);
            return discarded ? Outcome.DISCARDED : Outcome.NOT_QUARANTINED;
        });
    }
}
