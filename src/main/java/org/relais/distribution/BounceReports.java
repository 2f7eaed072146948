package org.relais.distribution;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingMailLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads each delivery status notification intake found in the hub mailbox. A hard bounce marks the mail bounced
 * and counts against the contact, which gets no more list mail after relais.distribution.hard-bounces-before-flag;
 * a soft bounce of a list mail has it sent again later (same Message-ID), a few times. The raw report stays in
 * inbound_mail; a report Relais cannot read is recorded as "unreadable" for a coordinator.
 */
@Component("bounceReports")
public class BounceReports {

    private static final Logger log = LoggerFactory.getLogger(BounceReports.class);

    private final BounceRepository bounces;
    private final ListContacts contacts;
    private final OutgoingMailLedger ledger;
    private final DistributionProperties properties;

    BounceReports(BounceRepository bounces, ListContacts contacts, OutgoingMailLedger ledger,
                  DistributionProperties properties) {
        this.bounces = bounces;
        this.contacts = contacts;
        this.ledger = ledger;
        this.properties = properties;
    }

    @Transactional
    public void record(DocumentMessage report) {
        DeliveryStatusReport parsed;
        try {
            parsed = DeliveryStatusReport.parse(bounces.rawReport(report.mailId()));
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Unreadable delivery report in mail {}: {}", report.mailId(), e.getMessage());
            bounces.insert(report.mailId(), "?", null, null, "unreadable", e.getMessage(), null, null);
            return;
        }
        if (parsed.recipients().isEmpty()) {
            bounces.insert(report.mailId(), "?", null, null, "unreadable", "no recipient in the report",
                    parsed.originalMessageId(), null);
            return;
        }
        var written = parsed.originalMessageId() == null ? java.util.Optional.<OutgoingMailLedger.Written>empty()
                : ledger.byMessageId(parsed.originalMessageId().strip());
        for (DeliveryStatusReport.RecipientStatus status : parsed.recipients()) {
            DeliveryStatusReport.Severity severity = status.severity();
            if (severity == DeliveryStatusReport.Severity.NONE) {
                continue;
            }
            Long mailId = written.filter(w -> w.recipient().equals(status.recipient()))
                    .map(OutgoingMailLedger.Written::id).orElse(null);
            boolean isNew = bounces.insert(report.mailId(), status.recipient(), status.action(), status.status(),
                    severity.name().toLowerCase(Locale.ROOT), status.diagnostic(), parsed.originalMessageId(), mailId);
            if (isNew) {
                apply(severity, status, written.filter(w -> mailId != null));
            }
        }
    }

    private void apply(DeliveryStatusReport.Severity severity, DeliveryStatusReport.RecipientStatus status,
                       java.util.Optional<OutgoingMailLedger.Written> mail) {
        String diagnostic = "bounce " + status.status() + ": " + (status.diagnostic() == null ? "" : status.diagnostic());
        switch (severity) {
            case HARD -> {
                contacts.hardBounce(status.recipient(), properties.hardBouncesBeforeFlag());
                mail.ifPresent(m -> ledger.bounced(m.id(), diagnostic));
            }
            case SOFT -> {
                contacts.softBounce(status.recipient());
                mail.ifPresent(m -> {
                    boolean listMail = ListMailRetries.PURPOSES.contains(m.purpose());
                    if (listMail && bounces.softBouncesOf(m.id()) <= properties.softBounceRetries()) {
                        ledger.sendAgainAfterSoftBounce(m.id(), diagnostic,
                                Instant.now().plus(properties.softBounceDelay()));
                    } else {
                        ledger.bounced(m.id(), diagnostic);
                    }
                });
            }
            default -> {
                // delayed: the remote server still tries; recorded for the coordinators only
            }
        }
    }
}
