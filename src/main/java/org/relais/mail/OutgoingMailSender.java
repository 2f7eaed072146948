package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a stored mail once and writes down what the SMTP server answered. The row stays locked while the server
 * answers, so a duplicate ticket (a queue redelivery after a crash) waits and then finds the mail sent. A refusal is
 * recorded in its own transaction: a 5xx reply marks the mail failed for good, a 4xx reply (or no reply) sets the
 * time of the next attempt, with exponential backoff, until {@code relais.mail.retry.max-attempts}; the ledger's
 * sweeps put the mail on its queue again when that time comes.
 */
@Component("outgoingMailSender")
public class OutgoingMailSender {

    public enum Outcome { SENT, ALREADY_DONE, DEFERRED, REFUSED }

    /** What became of one mail: sent (with the server's reply), already done before, deferred or refused. */
    public record Result(long outgoingMailId, Outcome outcome, String reply) {
    }

    private final OutgoingMailRepository repository;
    private final JavaMailSender smtp;
    private final TransactionTemplate transaction;
    private final RetryPolicy retry;
    private final SmtpConnections connections;
    private final SignedAddresses addresses;

    @Autowired
    OutgoingMailSender(OutgoingMailRepository repository, JavaMailSender smtp, TransactionTemplate transaction,
                       SmtpConnections connections, SignedAddresses addresses,
                       @Value("${relais.mail.retry.first-delay:PT1M}") Duration firstDelay,
                       @Value("${relais.mail.retry.multiplier:2}") double multiplier,
                       @Value("${relais.mail.retry.max-delay:PT2H}") Duration maxDelay,
                       @Value("${relais.mail.retry.max-attempts:10}") int maxAttempts) {
        this(repository, smtp, transaction, new RetryPolicy(firstDelay, multiplier, maxDelay, maxAttempts),
                connections, addresses);
    }

    private OutgoingMailSender(OutgoingMailRepository repository, JavaMailSender smtp, TransactionTemplate transaction,
                               RetryPolicy retry, SmtpConnections connections, SignedAddresses addresses) {
        this.repository = repository;
        this.smtp = smtp;
        this.transaction = transaction;
        this.retry = retry;
        this.connections = connections;
        this.addresses = addresses;
    }

    /** The same sender through another SMTP server (a separate relay for list mail, a test server). */
    public OutgoingMailSender via(JavaMailSender otherSmtp) {
        return new OutgoingMailSender(repository, otherSmtp, transaction, retry, connections, addresses);
    }

    /** Sends the mail if it is still to send, and says what happened; a refusal is recorded, never thrown. */
    public Result deliver(OutgoingTicket ticket) {
        long id = ticket.outgoingMailId();
        try {
            Result sent = transaction.execute(status -> {
                var unsent = repository.unsent(id);
                if (unsent.isEmpty()) {
                    return new Result(id, Outcome.ALREADY_DONE, null);
                }
                String reply = transmit(unsent.get());
                repository.markSent(id, reply);
                return new Result(id, Outcome.SENT, reply);
            });
            return sent;
        } catch (MailException e) {
            SmtpAnswer answer = SmtpAnswer.of(e);
            return transaction.execute(status -> {
                int attempts = repository.attempts(id) + 1;
                boolean giveUp = answer.permanent() || attempts >= retry.maxAttempts();
                repository.markRefused(id, answer.text(), giveUp,
                        giveUp ? null : Instant.now().plus(retry.delayAfter(attempts)));
                return new Result(id, giveUp ? Outcome.REFUSED : Outcome.DEFERRED, answer.text());
            });
        }
    }

    /**
     * Sends the stored bytes as they are (same Message-ID) and returns the server's final reply. The envelope sender
     * is the mail's signed bounce address, so that a delivery report names the mail it is about.
     */
    private String transmit(OutgoingMailRepository.Unsent mail) {
        try {
            Session session = smtp instanceof JavaMailSenderImpl server ? server.getSession() : null;
            SMTPMessage message = new SMTPMessage(session, new ByteArrayInputStream(mail.raw()));
            message.setEnvelopeFrom(addresses.address(SignedAddresses.Kind.BOUNCE, mail.id(), mail.recipient(),
                    mail.purpose()));
            if (!(smtp instanceof JavaMailSenderImpl server)) {
                smtp.send(message);
                return "accepted";
            }
            return OutgoingMailComposer.singleLine(connections.send(server, message));
        } catch (MessagingException e) {
            throw new MailSendException("SMTP refused the mail: " + e.getMessage(), e);
        }
    }

    /** Delay before attempt n+1 after n refusals: first-delay × multiplier^(n-1), at most max-delay. */
    record RetryPolicy(Duration firstDelay, double multiplier, Duration maxDelay, int maxAttempts) {

        Duration delayAfter(int attempts) {
            double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
            return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
        }
    }
}
