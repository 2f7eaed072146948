package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailAuthenticator;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.TransactedPolicy;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutgoingMailSender.Claim;
import org.relais.mail.OutgoingMailSender.Outcome;
import org.relais.mail.OutgoingMailSender.Result;
import org.relais.mail.OutgoingTicket;

/**
 * routes/mail-send.yaml: a claimed mail goes through the smtp endpoint as it was stored, and what the server said
 * (taken, refused) is handed to the ledger; a mail already done is not sent again.
 */
class MailSendRouteTest extends RouteTestSupport {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final Ledger ledger = new Ledger();
    private final Relay relay = new Relay();
    private final Sweep sweep = new Sweep();
    private final RecordedTransaction transaction = new RecordedTransaction();

    @Override
    protected List<String> routeFiles() {
        return List.of("mail-send.yaml", "common-errors.yaml");
    }

    /** The sweep's first run alone: the next comes in an hour. */
    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.mail.sweep-period-ms", "3600000");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("outgoingMailSender", ledger);
        registry.bind("pooledSmtp", relay);
        registry.bind("databaseTransaction", transaction);
        registry.bind("failureRecorder", new FailureRecorderFake());
        registry.bind("outgoingMailLedger", sweep);
    }

    @Test
    void aStoredMailIsSentAsItIsAndTheServersReplyIsWrittenDown() throws Exception {
        Result result = template.requestBody("direct:mail-send-one", new OutgoingTicket(1), Result.class);

        assertThat(result.outcome()).isEqualTo(Outcome.SENT);
        assertThat(relay.sent).singleElement().satisfies(sent -> assertThat(sent.getMessageID())
                .isEqualTo("<intake-ack.1@relais.test>"));
        assertThat(ledger.sent).containsExactly(1L);
    }

    @Test
    void aRefusalIsHandedToTheLedgerWithTheServersAnswerNotThrown() throws Exception {
        relay.refuse("uncjr@relais.test", 451, "451 4.7.1 Greylisted");

        Result result = template.requestBody("direct:mail-send-one", new OutgoingTicket(2), Result.class);

        assertThat(result.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(ledger.refusals).containsExactly("2: 451");
        assertThat(ledger.sent).isEmpty();
    }

    @Test
    void aMailAlreadySentIsNotSentAgain() throws Exception {
        Result result = template.requestBody("direct:mail-send-one", new OutgoingTicket(99), Result.class);

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(relay.sent).isEmpty();
    }

    @Test
    void theAnswersOfAnIntakeMailAreSentOneByOne() {
        template.sendBody("direct:mail-send-answers", List.of(new OutgoingTicket(4), new OutgoingTicket(5)));

        assertThat(ledger.sent).containsExactly(4L, 5L);
        assertThat(relay.sent).hasSize(2);
    }

    @Test
    void anAnswerThatCannotGoNowIsLeftToTheSweepWithoutFailingTheIntakeMailOrTheOtherAnswers() {
        ledger.unreachable = 6;

        template.sendBody("direct:mail-send-answers", List.of(new OutgoingTicket(6), new OutgoingTicket(7)));

        assertThat(ledger.sent).containsExactly(7L);
        assertThat(relay.sent).singleElement().satisfies(sent -> assertThat(sent.getMessageID())
                .isEqualTo("<intake-ack.7@relais.test>"));
    }

    @Test
    void theSweepRunsAsSoonAsThisInstanceLeadsAndSendsWhatIsDue() throws Exception {
        sweep.due = List.of(new OutgoingTicket(8));

        startAsTheLeader("mail-send-sweep");

        // at once, not a period later
        await().atMost(Duration.ofMillis(1500)).until(() -> ledger.sent.contains(8L));
        assertThat(relay.sent).singleElement().satisfies(sent -> assertThat(sent.getMessageID())
                .isEqualTo("<intake-ack.8@relais.test>"));
    }

    @Test
    void aSweepWhoseTicketsTheBrokerCannotTakeRollsBackSoThatItsMailsStayDue() throws Exception {
        sweep.due = List.of(new OutgoingTicket(9));
        getMockEndpoint("mock://jms:queue:mail.outgoing").whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219007: Cannot connect to server(s)");
        });

        startAsTheLeader("mail-send-sweep");

        await().atMost(Duration.ofSeconds(5)).until(() -> transaction.rolledBack.contains("mail-send-sweep"));
        assertThat(transaction.committed).doesNotContain("mail-send-sweep");
    }

    @Test
    void aTicketOnTheQueueGoesThroughTheSameStep() throws Exception {
        template.sendBody("jms:queue:mail.outgoing", "{\"outgoingMailId\":3}");

        await().until(() -> ledger.sent.contains(3L));
        assertThat(relay.sent).hasSize(1);
    }

    private static MimeMessage stored(long id) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<intake-ack." + id + "@relais.test>");
            }
        };
        message.setFrom(new InternetAddress("hub@relais.test"));
        message.setRecipient(Message.RecipientType.TO,
                new InternetAddress(id == 2 ? "uncjr@relais.test" : "arges@relais.test"));
        message.setSubject("Confirmare");
        message.setText("Am primit mesajul.");
        message.saveChanges();
        return message;
    }

    /** Stands for OutgoingMailSender's ledger side, which reads and writes PostgreSQL. */
    public static final class Ledger {
        final List<Long> sent = new CopyOnWriteArrayList<>();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        volatile long unreachable;

        public Claim claim(@Body OutgoingTicket ticket) throws MessagingException {
            long id = ticket.outgoingMailId();
            if (id == unreachable) {
                throw new IllegalStateException("Connection to the database refused");
            }
            return new Claim(id, id == 99 ? null : stored(id));
        }

        public Result alreadyDone(@Body Claim claim) {
            return new Result(claim.outgoingMailId(), Outcome.ALREADY_DONE, null);
        }

        public Result sent(@ExchangeProperty("relaisClaim") Claim claim) {
            sent.add(claim.outgoingMailId());
            return new Result(claim.outgoingMailId(), Outcome.SENT, "250 ok");
        }

        public Result refused(@ExchangeProperty("relaisClaim") Claim claim,
                              @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
            int code = failure instanceof SMTPSendFailedException smtp ? smtp.getReturnCode() : 0;
            refusals.add(claim.outgoingMailId() + ": " + code);
            return new Result(claim.outgoingMailId(), Outcome.DEFERRED, failure.getMessage());
        }
    }

    /** Stands for the ledger's sweep (PostgreSQL): what it finds due the first time, then nothing. */
    public static final class Sweep {
        volatile List<OutgoingTicket> due = List.of();

        public List<OutgoingTicket> unsentFor(Duration after, int maxAttempts) {
            List<OutgoingTicket> found = due;
            due = List.of();
            return found;
        }
    }

    /** Stands for the pooled SMTP sender: takes the mails, or refuses those of an address as a server would. */
    public static final class Relay implements JavaMailSender {
        final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
        private String refused;
        private int code;
        private String answer;

        void refuse(String address, int code, String answer) {
            this.refused = address;
            this.code = code;
            this.answer = answer;
        }

        @Override
        public void send(MimeMessage message) throws MessagingException {
            if (refused != null && message.getAllRecipients()[0].toString().equals(refused)) {
                throw new SMTPSendFailedException("DATA", code, answer, null, null, message.getAllRecipients(), null);
            }
            sent.add(message);
        }

        @Override
        public Session getSession() {
            return SESSION;
        }

        @Override
        public Properties getJavaMailProperties() {
            return new Properties();
        }

        @Override
        public void setJavaMailProperties(Properties properties) {
        }

        @Override
        public void addAdditionalJavaMailProperty(String key, String value) {
        }

        @Override
        public void setHost(String host) {
        }

        @Override
        public String getHost() {
            return "127.0.0.1";
        }

        @Override
        public void setPort(int port) {
        }

        @Override
        public int getPort() {
            return 25;
        }

        @Override
        public void setUsername(String username) {
        }

        @Override
        public String getUsername() {
            return null;
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setProtocol(String protocol) {
        }

        @Override
        public String getProtocol() {
            return "smtp";
        }

        @Override
        public void setSession(Session session) {
        }

        @Override
        public void setAuthenticator(MailAuthenticator authenticator) {
        }

        @Override
        public MailAuthenticator getAuthenticator() {
            return null;
        }
    }

    /**
     * Stands for the PostgreSQL transaction: the steps run as they are, and how each transacted exchange ended is
     * written down by route (a failure is a rollback).
     */
    static final class RecordedTransaction implements TransactedPolicy {
        final List<String> rolledBack = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();

        @Override
        public void beforeWrap(Route route, NamedNode definition) {
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return exchange -> {
                processor.process(exchange);
                (exchange.isFailed() ? rolledBack : committed).add(route.getRouteId());
            };
        }
    }
}
