package org.relais.distribution;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.ReplyBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads each delivery status notification intake found in the hub mailbox. A report counts only when it proves which
 * mail it is about: it came to that mail's signed bounce address (the envelope sender the mail was sent with), or it
 * names a Message-ID and a recipient the ledger holds as sent. Anyone can write a report; one that proves nothing is
 * kept, listed for the coordinators, and changes nothing. A hard bounce that counts marks the mail bounced and counts
 * against the contact, which gets no more list mail after relais.distribution.hard-bounces-before-flag; a soft bounce
 * of a list mail has it sent again later (same Message-ID), a few times. The raw report stays in inbound_mail; a
 * report Relais cannot read is recorded as "unreadable" for a coordinator.
 */
@Component("bounceReports")
public class BounceReports {

    private static final Logger log = LoggerFactory.getLogger(BounceReports.class);

    /** The mail a report counts against, and why: {@code bounce-address} or {@code ledger}. */
    private record Counted(OutgoingMailLedger.Written mail, String by) {
    }

    private final BounceRepository bounces;
    private final ListContacts contacts;
    private final OutgoingMailLedger ledger;
    private final ReplyBinding binding;
    private final DistributionProperties properties;

    BounceReports(BounceRepository bounces, ListContacts contacts, OutgoingMailLedger ledger, ReplyBinding binding,
                  DistributionProperties properties) {
        this.bounces = bounces;
        this.contacts = contacts;
        this.ledger = ledger;
        this.binding = binding;
        this.properties = properties;
    }

    @Transactional
    public void record(DocumentMessage report) {
        DeliveryStatusReport parsed;
        Optional<OutgoingMailLedger.Written> toSignedAddress;
        try {
            MimeMessage message = DeliveryStatusReport.message(bounces.rawReport(report.mailId()));
            parsed = DeliveryStatusReport.parse(message);
            toSignedAddress = binding.bounced(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Unreadable delivery report in mail {}: {}", report.mailId(), e.getMessage());
            bounces.insert(report.mailId(), "?", null, null, "unreadable", e.getMessage(), null, null, null);
            return;
        }
        if (parsed.recipients().isEmpty()) {
            bounces.insert(report.mailId(), "?", null, null, "unreadable", "no recipient in the report",
                    parsed.originalMessageId(), null, null);
            return;
        }
        Optional<OutgoingMailLedger.Written> named = parsed.originalMessageId() == null ? Optional.empty()
                : ledger.byMessageId(parsed.originalMessageId().strip()).filter(OutgoingMailLedger.Written::accepted);
        for (DeliveryStatusReport.RecipientStatus status : parsed.recipients()) {
            DeliveryStatusReport.Severity severity = status.severity();
            if (severity == DeliveryStatusReport.Severity.NONE) {
                continue;
            }
            Optional<Counted> counted = toSignedAddress.map(mail -> new Counted(mail, "bounce-address"))
                    .or(() -> named.filter(mail -> mail.recipient().equals(status.recipient()))
                            .map(mail -> new Counted(mail, "ledger")));
            String recipient = counted.map(c -> c.mail().recipient()).orElse(status.recipient());
            boolean isNew = bounces.insert(report.mailId(), recipient, status.action(), status.status(),
                    severity.name().toLowerCase(Locale.ROOT), status.diagnostic(), parsed.originalMessageId(),
                    counted.map(c -> c.mail().id()).orElse(null), counted.map(Counted::by).orElse(null));
            if (isNew && counted.isPresent()) {
                apply(severity, status, counted.get().mail());
            } else if (isNew) {
                log.warn("Delivery report in mail {} about {} not counted: it came to no signed bounce address and"
                        + " names no mail the ledger holds as sent to that address", report.mailId(), recipient);
            }
        }
    }

    private void apply(DeliveryStatusReport.Severity severity, DeliveryStatusReport.RecipientStatus status,
                       OutgoingMailLedger.Written mail) {
        String diagnostic = "bounce " + status.status() + ": " + (status.diagnostic() == null ? "" : status.diagnostic());
        switch (severity) {
            case HARD -> {
                contacts.hardBounce(mail.recipient(), properties.hardBouncesBeforeFlag());
                ledger.bounced(mail.id(), diagnostic);
            }
            case SOFT -> {
                contacts.softBounce(mail.recipient());
                boolean listMail = ListMailRetries.PURPOSES.contains(mail.purpose());
                if (listMail && bounces.softBouncesOf(mail.id()) <= properties.softBounceRetries()) {
                    ledger.sendAgainAfterSoftBounce(mail.id(), diagnostic,
                            Instant.now().plus(properties.softBounceDelay()));
                } else {
                    ledger.bounced(mail.id(), diagnostic);
                }
            }
            default -> {
                // delayed: the remote server still tries; recorded for the coordinators only
            }
        }
    }
}
