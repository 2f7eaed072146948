package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailAuthenticator;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The {@code javaMailSender} of the smtp endpoint in routes/mail-send.yaml: one SMTP connection per sending thread,
 * kept from one mail to the next. Opening one per mail (what Camel Mail's own sender does) costs a TCP handshake, the
 * greeting, EHLO and QUIT — several round trips, the multi-line EHLO answer often waiting on a delayed
 * acknowledgement. A kept connection is used as it is, with no NOOP before each mail to check it (a round trip for
 * both sides per mail under a burst): when the server closed it since its last mail (idle too long, or a limit of mails
 * per connection), the mail fails on it and goes at once on a new one. The server and its settings are Spring Boot's
 * ({@code spring.mail.*}, from {@code relais.mail.smtp.*}). After sending, the server's last reply is written on the
 * message ({@link #SERVER_REPLY}), for the ledger; the connections are closed when the hub stops.
 */
@Component("pooledSmtp")
public class PooledSmtpSender implements JavaMailSender, DisposableBean {

    /** Set on a message once it was sent: what the server answered (never transmitted, it is set afterwards). */
    public static final String SERVER_REPLY = "X-Relais-Smtp-Reply";

    private final ThreadLocal<Map<String, WatchedTransport>> mine = ThreadLocal.withInitial(HashMap::new);
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();
    private final Session session;
    private final Properties properties;
    private volatile String host;
    private volatile int port;
    private String username;
    private String password;
    private String protocol;

    PooledSmtpSender(JavaMailSenderImpl server) {
        this.session = server.getSession();
        this.properties = server.getJavaMailProperties();
        this.host = server.getHost();
        this.port = server.getPort();
        this.username = emptyToNull(server.getUsername());
        this.password = emptyToNull(server.getPassword());
        this.protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        WatchedTransport kept = mine.get().get(server());
        if (kept != null) {
            try {
                sendOn(kept, message);
                return;
            } catch (MessagingException e) {
                if (kept.isConnected()) {
                    throw e;
                }
                forget(kept);
                if (kept.dataInvited) {
                    // the server may have taken it before the connection broke: its next attempt is the ledger's
                    throw e;
                }
                // closed by the server since the last mail, before this one's data: it goes on a new connection
            }
        }
        WatchedTransport transport = new WatchedTransport(session, protocol);
        transport.connect(host, port, username, password);
        mine.get().put(server(), transport);
        open.add(transport);
        try {
            sendOn(transport, message);
        } catch (MessagingException e) {
            if (!transport.isConnected()) {
                forget(transport);
            }
            throw e;
        }
    }

    /** A refusal leaves the conversation usable for the next mail; the server's reply is written on the message. */
    private static void sendOn(WatchedTransport transport, MimeMessage message) throws MessagingException {
        transport.dataInvited = false;
        transport.sendMessage(message, message.getAllRecipients());
        message.setHeader(SERVER_REPLY, OutgoingMailComposer.singleLine(transport.getLastServerResponse()));
    }

    /** Angus' SMTP (or SMTPS) transport that tells whether the server invited the data of the mail being sent. */
    private static final class WatchedTransport extends SMTPTransport {

        /** Set and read by the one sending thread that keeps this connection. */
        private boolean dataInvited;

        WatchedTransport(Session session, String protocol) {
            super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        }

        /** Returns once the server answered DATA with 354. */
        @Override
        protected OutputStream data() throws MessagingException {
            OutputStream data = super.data();
            dataInvited = true;
            return data;
        }
    }

    /** Connections are kept per server, so that one moved to another port is never used for the old one. */
    private String server() {
        return host + ":" + port;
    }

    private void forget(Transport transport) {
        mine.get().values().remove(transport);
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
        open.forEach(PooledSmtpSender::close);
        open.clear();
    }

    @Override
    public Session getSession() {
        return session;
    }

    @Override
    public void setSession(Session session) {
        throw new UnsupportedOperationException("The session is Spring Boot's (spring.mail.*)");
    }

    @Override
    public Properties getJavaMailProperties() {
        return properties;
    }

    @Override
    public void setJavaMailProperties(Properties javaMailProperties) {
        throw new UnsupportedOperationException("The session is Spring Boot's (spring.mail.*)");
    }

    @Override
    public void addAdditionalJavaMailProperty(String key, String value) {
        throw new UnsupportedOperationException("The session is Spring Boot's (spring.mail.*)");
    }

    @Override
    public String getHost() {
        return host;
    }

    @Override
    public void setHost(String host) {
        this.host = host;
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public void setPort(int port) {
        this.port = port;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void setUsername(String username) {
        this.username = emptyToNull(username);
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public void setPassword(String password) {
        this.password = emptyToNull(password);
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    @Override
    public MailAuthenticator getAuthenticator() {
        return null;
    }

    @Override
    public void setAuthenticator(MailAuthenticator authenticator) {
        throw new UnsupportedOperationException("The SMTP login is spring.mail.username and password");
    }
}
