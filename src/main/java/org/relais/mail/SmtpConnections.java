package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection per sending thread and server, kept from one mail to the next. Opening one per mail costs a
 * TCP handshake, the greeting, EHLO and QUIT — several round trips, the multi-line EHLO answer often waiting on a
 * delayed acknowledgement; a kept connection is checked with one NOOP and opened anew if the server closed it.
 * The connections are closed when the hub stops.
 */
@Component
class SmtpConnections implements DisposableBean {

    private final ThreadLocal<Map<JavaMailSenderImpl, Transport>> mine = ThreadLocal.withInitial(HashMap::new);
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    /** Sends the message through the server and returns the server's last reply. */
    String send(JavaMailSenderImpl server, MimeMessage message) throws MessagingException {
        Transport transport = connected(server);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            // a refusal leaves the conversation usable; a broken connection is opened anew for the next mail
            if (!transport.isConnected()) {
                forget(server, transport);
            }
            throw e;
        }
        return transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "accepted";
    }

    private Transport connected(JavaMailSenderImpl server) throws MessagingException {
        Transport kept = mine.get().get(server);
        if (kept != null && kept.isConnected()) {
            return kept;
        }
        if (kept != null) {
            forget(server, kept);
        }
        Transport transport = server.getSession().getTransport(server.getProtocol() == null ? "smtp"
                : server.getProtocol());
        transport.connect(server.getHost(), server.getPort(), emptyToNull(server.getUsername()),
                emptyToNull(server.getPassword()));
        mine.get().put(server, transport);
        open.add(transport);
        return transport;
    }

    private void forget(JavaMailSenderImpl server, Transport transport) {
        mine.get().remove(server);
        open.remove(transport);
        close(transport);
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // going anyway
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void destroy() {
        open.forEach(SmtpConnections::close);
        open.clear();
    }
}
