package org.relais.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The parts a hub process runs on, as in production outside its JVM: PostgreSQL (zonky, data in the work folder,
 * fsync on), an Artemis broker over TCP (persistent journal, the hub's DLQ and redelivery settings) and GreenMail
 * (SMTP and IMAP, no authentication), each on a free port. The broker and PostgreSQL can be stopped and started
 * again on their data, for the fault scenarios.
 */
final class BenchParts implements AutoCloseable {

    static final String HUB_ADDRESS = "hub@relais.test";

    final Path work;
    final int pgPort;
    final int brokerPort;
    final int smtpPort;
    final int imapPort;
    private EmbeddedPostgres postgres;
    private EmbeddedActiveMQ broker;
    private GreenMail mail;

    private BenchParts(Path work) throws IOException {
        this.work = work;
        pgPort = freePort();
        brokerPort = freePort();
        smtpPort = freePort();
        imapPort = freePort();
    }

    /** Starts all three in a new temporary work folder. */
    static BenchParts start(String name) throws Exception {
        quietLogs();
        BenchParts parts = new BenchParts(Files.createTempDirectory("relais-" + name));
        parts.startPostgres();
        parts.startBroker();
        parts.mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(parts.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(parts.imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        parts.mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        parts.mail.start();
        return parts;
    }

    GreenMail mail() {
        return mail;
    }

    /** A JavaMail session that sends through the bench's SMTP server. */
    Session smtpSession() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        return Session.getInstance(properties);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(false).setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    void stopPostgres() throws IOException {
        postgres.close();
    }

    void startBroker() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(work.resolve("artemis/journal").toString())
                .setBindingsDirectory(work.resolve("artemis/bindings").toString())
                .setLargeMessagesDirectory(work.resolve("artemis/large").toString())
                .setPagingDirectory(work.resolve("artemis/paging").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort)
                // the dead-letter queue made at the start: without it, a message the broker moves to the dead-letter
                // address after its last delivery attempt would be dropped unseen
                .addQueueConfiguration(QueueConfiguration.of("DLQ").setRoutingType(RoutingType.ANYCAST));
        // as the hub's embedded broker (BrokerConfiguration)
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
    }

    void stopBroker() throws Exception {
        broker.stop();
    }

    /** The messages in the broker's dead-letter queue: the hub's, and those the broker moved after 10 deliveries. */
    long deadLetters() {
        var queue = broker.getActiveMQServer().locateQueue(SimpleString.of("DLQ"));
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** The first column of the first row; -1 while PostgreSQL is away or the schema not there yet. */
    long count(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    String text(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** The rows of a query with parameters, each as its columns' values. */
    List<Object[]> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every mail the server holds, in every mailbox, with the time it was accepted. */
    List<StoredMessage> storedMessages() {
        return mail.getManagers().getImapHostManager().getAllMessages();
    }

    /** The distinct Message-IDs of the hub's mails of one purpose ({@code <purpose.uuid@…>}) received so far. */
    Set<String> distinct(String purpose) {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String id = messageId(message);
            if (id != null && id.startsWith("<" + purpose + ".")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Recipient → {distinct Message-IDs, raw count} of the hub's mails of one purpose. */
    Map<String, int[]> perRecipient(String purpose) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Map<String, int[]> result = new LinkedHashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String id = messageId(message);
                if (id == null || !id.startsWith("<" + purpose + ".")
                        || message.getRecipients(Message.RecipientType.TO) == null) {
                    continue;
                }
                String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                        .toLowerCase();
                ids.computeIfAbsent(to, k -> new HashSet<>()).add(id);
                result.computeIfAbsent(to, k -> new int[2])[1]++;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        ids.forEach((to, set) -> result.get(to)[0] = set.size());
        return result;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (mail != null) {
            mail.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        // the data of a run (a large mail's spool and rows take hundreds of MB); the hubs' logs are in bench/results
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** This JVM's parts speak only of problems; the hubs log to their files. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            // a killed hub's connections are expected to fail
            context.getLogger("org.apache.activemq").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
