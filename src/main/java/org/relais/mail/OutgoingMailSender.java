package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a stored mail once. The row stays locked while the SMTP server answers, so a duplicate ticket (a queue
 * redelivery after a crash) waits and then finds the mail sent.
 */
@Component("outgoingMailSender")
public class OutgoingMailSender {

    private final OutgoingMailRepository repository;
    private final JavaMailSender smtp;
    private final TransactionTemplate separately;

    OutgoingMailSender(OutgoingMailRepository repository, JavaMailSender smtp, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.smtp = smtp;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public boolean send(OutgoingTicket ticket) throws MessagingException {
        var unsent = repository.unsent(ticket.outgoingMailId());
        if (unsent.isEmpty()) {
            return false;
        }
        MimeMessage message = new MimeMessage(null, new ByteArrayInputStream(unsent.get().raw()));
        try {
            smtp.send(message);
        } catch (MailException e) {
            // kept even though this transaction rolls back: the ledger shows each failed attempt and its answer
            separately.executeWithoutResult(status -> repository.recordFailedAttempt(unsent.get().id(), e.getMessage()));
            throw e;
        }
        repository.markSent(unsent.get().id());
        return true;
    }
}
