package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.stereotype.Component;

/**
 * The ledger's side of sending a stored mail once; the sending itself is the smtp endpoint of routes/mail-send.yaml,
 * inside one PostgreSQL transaction: {@link #claim} locks the mail's row while the server answers, so a duplicate
 * ticket (a queue redelivery after a crash) waits and then finds the mail sent; {@link #sent} or {@link #refused}
 * writes down what the server said. A 5xx reply marks the mail failed for good, a 4xx reply (or no reply) sets the
 * time of the next attempt, with exponential backoff, until {@code relais.mail.retry.max-attempts}; the ledger's
 * sweeps put the mail on its queue again when that time comes.
 */
@Component("outgoingMailSender")
public class OutgoingMailSender {

    public enum Outcome { SENT, ALREADY_DONE, DEFERRED, REFUSED }

    /** What became of one mail: sent (with the server's reply), already done before, deferred or refused. */
    public record Result(long outgoingMailId, Outcome outcome, String reply) {
    }

    /** A mail claimed for sending: its bytes as a message, envelope sender set; or none if it was done already. */
    public record Claim(long outgoingMailId, MimeMessage message) {

        public boolean toSend() {
            return message != null;
        }
    }

    private final OutgoingMailRepository repository;
    private final Session session;
    private final MailProperties.Retry retry;
    private final SignedAddresses addresses;
    private final Clock clock;

    OutgoingMailSender(OutgoingMailRepository repository, PooledSmtpSender smtp, SignedAddresses addresses,
                       MailProperties properties, Clock clock) {
        this.repository = repository;
        this.session = smtp.getSession();
        this.retry = properties.retry();
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * Locks the mail until the transaction ends and gives its stored bytes as they are (same Message-ID), with the
     * mail's signed bounce address as envelope sender, so that a delivery report names the mail it is about.
     */
    public Claim claim(@Body OutgoingTicket ticket) throws MessagingException {
        long id = ticket.outgoingMailId();
        var unsent = repository.unsent(id);
        if (unsent.isEmpty()) {
            return new Claim(id, null);
        }
        SMTPMessage message = new SMTPMessage(session, new ByteArrayInputStream(unsent.get().raw()));
        message.setEnvelopeFrom(addresses.address(SignedAddresses.Kind.BOUNCE, id, unsent.get().recipient(),
                unsent.get().purpose()));
        return new Claim(id, message);
    }

    public Result alreadyDone(@Body Claim claim) {
        return new Result(claim.outgoingMailId(), Outcome.ALREADY_DONE, null);
    }

    /** The server took the mail: its reply is kept with it. */
    public Result sent(@ExchangeProperty("relaisClaim") Claim claim, @Body MimeMessage message)
            throws MessagingException {
        String reply = message.getHeader(PooledSmtpSender.SERVER_REPLY, null);
        repository.markSent(claim.outgoingMailId(), reply == null ? "accepted" : reply);
        return new Result(claim.outgoingMailId(), Outcome.SENT, reply);
    }

    /** The server refused the mail, or could not be reached: recorded, never thrown. */
    public Result refused(@ExchangeProperty("relaisClaim") Claim claim,
                          @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        long id = claim.outgoingMailId();
        SmtpAnswer answer = SmtpAnswer.of(failure);
        int attempts = repository.attempts(id) + 1;
        boolean giveUp = answer.permanent() || attempts >= retry.maxAttempts();
        repository.markRefused(id, answer.text(), giveUp, giveUp ? null : clock.instant().plus(retry.delayAfter(attempts)));
        return new Result(id, giveUp ? Outcome.REFUSED : Outcome.DEFERRED, answer.text());
    }
}
