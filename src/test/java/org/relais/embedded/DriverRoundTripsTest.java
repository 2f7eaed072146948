package org.relais.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL driver the hub is built with (pom.xml) sends each statement of a transaction once: the transaction's
 * BEGIN with its first statement, and a statement that the server must describe first — a timestamp parameter, as
 * the loop guard's look at the sender's mails has — with no round trip of its own before it (bench/README.md, "The
 * driver's round trips"). Spring Boot's driver, 42.7.11, sent five messages for the three statements below.
 */
class DriverRoundTripsTest {

    /** Messages the driver sent, each a write of its buffered output. */
    static final AtomicInteger sent = new AtomicInteger();

    @Test
    void aTransactionSendsOneMessageForEachStatementAndItsCommit() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres")
                     + "&socketFactory=" + CountingSocketFactory.class.getName())) {
            connection.createStatement().execute(
                    "create table arrival (mail_id bigint primary key, sender text, written_at timestamptz)");
            connection.setAutoCommit(false);
            // the driver prepares a statement on the server from its fifth execution on
            for (long mail = 1; mail <= 5; mail++) {
                noteArrival(connection, mail);
            }

            int before = sent.get();
            noteArrival(connection, 6);

            assertThat(sent.get() - before).isEqualTo(3);
        }
    }

    /** The loop guard's note of a mail, in short: the sender's recent mails, then this one, then the commit. */
    private static void noteArrival(Connection connection, long mail) throws Exception {
        Timestamp writtenAt = Timestamp.from(Instant.parse("2026-12-05T10:00:00Z"));
        try (PreparedStatement recent = connection.prepareStatement(
                "select mail_id, sender from arrival where sender = ? and written_at > ?")) {
            recent.setString(1, "arges@relais.test");
            recent.setTimestamp(2, writtenAt);
            recent.executeQuery().close();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into arrival (mail_id, sender, written_at) values (?, ?, ?)")) {
            insert.setLong(1, mail);
            insert.setString(2, "arges@relais.test");
            insert.setTimestamp(3, writtenAt);
            insert.executeUpdate();
        }
        connection.commit();
    }

    /** TCP sockets that count what the driver writes; the driver makes it from its URL. */
    public static final class CountingSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() {
            return new Socket() {
                private OutputStream counting;

                @Override
                public synchronized OutputStream getOutputStream() throws IOException {
                    if (counting == null) {
                        OutputStream out = super.getOutputStream();
                        counting = new FilterOutputStream(out) {
                            @Override
                            public void write(byte[] bytes, int offset, int length) throws IOException {
                                sent.incrementAndGet();
                                out.write(bytes, offset, length);
                            }
                        };
                    }
                    return counting;
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException();
        }
    }
}
