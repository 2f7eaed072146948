package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a stored mail once. The row stays locked while the SMTP server answers, so a duplicate ticket (a queue
 * redelivery after a crash) waits and then finds the mail sent.
 */
@Component("outgoingMailSender")
public class OutgoingMailSender {

    private final OutgoingMailRepository repository;
    private final JavaMailSender smtp;

    OutgoingMailSender(OutgoingMailRepository repository, JavaMailSender smtp) {
        this.repository = repository;
        this.smtp = smtp;
    }

    @Transactional
    public boolean send(OutgoingTicket ticket) throws MessagingException {
        var unsent = repository.unsent(ticket.outgoingMailId());
        if (unsent.isEmpty()) {
            return false;
        }
        MimeMessage message = new MimeMessage(null, new ByteArrayInputStream(unsent.get().raw()));
        smtp.send(message);
        repository.markSent(unsent.get().id());
        return true;
    }
}
