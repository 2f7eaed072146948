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
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The intake baseline: what a careful programmer would write with JavaMail and JDBC alone, no Camel, no broker.
 * Each round fetches up to {@link #BATCH} unseen mails in one FETCH (whole messages, FetchProfile), stores them
 * with their dedup key in one JDBC batch and one commit, flags them all seen in one STORE, then answers each sender
 * over one SMTP connection kept open. As in the hub, a mail is flagged seen only after its commit.
 * It runs as a process of its own ({@link #main}), so that its CPU time is its own.
 */
final class PlainMailIntake {

    static final String ANSWER_PURPOSE = "plain-ack";
    static final String READY = "plain mail intake ready";
    private static final int BATCH = 100;
    private static final long IDLE_POLL_MS = 100;

    private final int imapPort;
    private final int smtpPort;
    private final String jdbcUrl;

    private PlainMailIntake(int imapPort, int smtpPort, String jdbcUrl) {
        this.imapPort = imapPort;
        this.smtpPort = smtpPort;
        this.jdbcUrl = jdbcUrl;
    }

    /** Arguments: IMAP port, SMTP port (both on 127.0.0.1), JDBC URL of a PostgreSQL (user postgres). */
    public static void main(String[] args) throws Exception {
        PlainMailIntake intake = new PlainMailIntake(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[2]);
        intake.createTable();
        intake.work();
    }

    /** The process for a bench: its IMAP and SMTP server, the bench's PostgreSQL. */
    static PeerProcess start(int imapPort, int smtpPort, BenchParts parts, Path log) throws Exception {
        PeerProcess process = PeerProcess.java(PlainMailIntake.class,
                List.of(String.valueOf(imapPort), String.valueOf(smtpPort), parts.jdbcUrl()), "256m", log);
        process.awaitLine(READY, 60_000);
        return process;
    }

    /** The stored rows, and the rows whose Message-ID came twice (0: each mail stored once). */
    static long[] storedAndDuplicates(BenchParts parts) {
        return new long[] {parts.count("select count(*) from plain.inbound_mail"),
                parts.count("select count(*) - count(distinct message_id) from plain.inbound_mail")};
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private void createTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create schema if not exists plain;
                    create table if not exists plain.inbound_mail (
                        id bigserial primary key,
                        dedup_key text not null unique,
                        message_id text,
                        raw bytea not null,
                        stored_at timestamptz not null default now());
                    truncate plain.inbound_mail
                    """);
        }
    }

    /** Until the process is stopped; a failure ends it with the failure in its log. */
    private void work() throws Exception {
        Session session = session();
        try (Store store = session.getStore("imap");
             Transport smtp = session.getTransport("smtp");
             Connection db = connect()) {
            store.connect("127.0.0.1", imapPort, BenchParts.HUB_ADDRESS, "relais");
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
                System.out.println(READY);
                System.out.flush();
                while (true) {
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
        properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        properties.setProperty("mail.imap.host", "127.0.0.1");
        properties.setProperty("mail.imap.port", String.valueOf(imapPort));
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
}
