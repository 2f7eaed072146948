package org.relais.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The intake baseline: what a careful programmer would write with JavaMail and JDBC alone, no Camel, no broker.
 * Each round fetches up to {@link #BATCH} unseen mails in one FETCH (whole messages, FetchProfile), stores them
 * with their dedup key in one JDBC batch and one commit, flags them all seen in one STORE, then answers each sender
 * over one SMTP connection kept open. As in the hub, a mail is flagged seen only after its commit.
 */
final class PlainMailIntake implements AutoCloseable {

    static final String ANSWER_PURPOSE = "plain-ack";
    private static final int BATCH = 100;
    private static final long IDLE_POLL_MS = 100;

    private final BenchParts parts;
    private final Thread worker;
    private volatile boolean running = true;
    private volatile Exception failure;

    PlainMailIntake(BenchParts parts) {
        this.parts = parts;
        this.worker = new Thread(this::work, "plain-mail-intake");
    }

    void start() throws SQLException {
        try (Connection connection = parts.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create schema if not exists plain;
                    create table if not exists plain.inbound_mail (
                        id bigserial primary key,
                        dedup_key text not null unique,
                        message_id text,
                        raw bytea not null,
                        stored_at timestamptz not null default now())
                    """);
        }
        worker.start();
    }

    /** Stops the bench waiting for answers that cannot come. */
    void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("the baseline failed", failure);
        }
    }

    /** The stored rows, and the rows whose dedup key or Message-ID came twice (0: each mail stored once). */
    long[] storedAndDuplicates() {
        return new long[] {parts.count("select count(*) from plain.inbound_mail"),
                parts.count("select count(*) - count(distinct message_id) from plain.inbound_mail")};
    }

    private void work() {
        Session session = session();
        try (Store store = session.getStore("imap");
             Transport smtp = session.getTransport("smtp");
             Connection db = parts.connect()) {
            store.connect("127.0.0.1", parts.imapPort, BenchParts.HUB_ADDRESS, "relais");
            smtp.connect();
            db.setAutoCommit(false);
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            FetchProfile wholeMessages = new FetchProfile();
            wholeMessages.add(IMAPFolder.FetchProfileItem.MESSAGE);
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into plain.inbound_mail (dedup_key, message_id, raw) values (?, ?, ?)
                    on conflict (dedup_key) do nothing
                    """)) {
                while (running) {
                    Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                    if (unseen.length == 0) {
                        Thread.sleep(IDLE_POLL_MS);
                        continue;
                    }
                    Message[] batch = Arrays.copyOf(unseen, Math.min(BATCH, unseen.length));
                    inbox.fetch(batch, wholeMessages);
                    MimeMessage[] mails = new MimeMessage[batch.length];
                    for (int i = 0; i < batch.length; i++) {
                        byte[] raw = bytes(batch[i]);
                        mails[i] = new MimeMessage(session, new ByteArrayInputStream(raw));
                        insert.setString(1, sha256(raw));
                        insert.setString(2, mails[i].getMessageID());
                        insert.setBytes(3, raw);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    db.commit();
                    inbox.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
                    for (MimeMessage mail : mails) {
                        MimeMessage answer = answer(session, mail);
                        smtp.sendMessage(answer, answer.getAllRecipients());
                    }
                }
            }
        } catch (Exception e) {
            if (running) {
                failure = e;
            }
        }
    }

    /** A reply threaded on the mail (In-Reply-To, References), with a Message-ID the bench counts by. */
    private static MimeMessage answer(Session session, MimeMessage mail) throws MessagingException {
        MimeMessage answer = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + ANSWER_PURPOSE + "." + UUID.randomUUID() + "@relais.test>");
            }
        };
        String references = mail.getHeader("References", " ");
        answer.setFrom(BenchParts.HUB_ADDRESS);
        answer.setRecipients(Message.RecipientType.TO, mail.getReplyTo());
        answer.setSubject("Re: " + mail.getSubject(), "UTF-8");
        answer.setHeader("In-Reply-To", mail.getMessageID());
        answer.setHeader("References", (references == null ? "" : references + " ") + mail.getMessageID());
        answer.setHeader("Auto-Submitted", "auto-replied");
        answer.setText("Received: " + mail.getSubject() + "\n", "UTF-8");
        answer.saveChanges();
        return answer;
    }

    private Session session() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(parts.smtpPort));
        properties.setProperty("mail.imap.host", "127.0.0.1");
        properties.setProperty("mail.imap.port", String.valueOf(parts.imapPort));
        return Session.getInstance(properties);
    }

    private static byte[] bytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        worker.join(30_000);
        throwIfFailed();
    }
}
