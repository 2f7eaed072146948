package org.relais.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relais.support.TestMail;

/**
 * A burst of mails from one partner to hub@relais.test, each with the same attachment, written out before it is
 * sent so that the sending costs the machine little while the system under test works. Sent over several SMTP
 * connections at once; each mail's time is when the server accepted it (its 250 after the data).
 */
final class Burst {

    private final List<MimeMessage> mails;

    private Burst(List<MimeMessage> mails) {
        this.mails = mails;
    }

    static Burst of(int n, String partner, String fileName, byte[] attachment, String contentType)
            throws MessagingException {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MimeMessage built = new TestMail(0)
                    .from(partner)
                    .subject("Informare " + i)
                    .text("Bună ziua,\nvă trimit documentul " + i + ".\n")
                    .attach(fileName.replace("#", String.valueOf(i)), attachment, contentType)
                    .build();
            // parsed back from its bytes: sending it then copies the bytes, with no encoding work
            mails.add(new MimeMessage(session, new ByteArrayInputStream(TestMail.bytes(built))));
        }
        return new Burst(mails);
    }

    int size() {
        return mails.size();
    }

    /** Sends every mail over {@code connections} SMTP connections; returns Message-ID → time accepted (ms). */
    Map<String, Long> send(int smtpPort, int connections) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                done.add(senders.submit(() -> {
                    try (Transport smtp = session.getTransport("smtp")) {
                        smtp.connect();
                        for (int i = first; i < mails.size(); i += connections) {
                            MimeMessage mail = mails.get(i);
                            smtp.sendMessage(mail, mail.getAllRecipients());
                            accepted.put(mail.getMessageID(), System.currentTimeMillis());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : done) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }
        return accepted;
    }
}
