package org.relais.console.queues;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.relais.broker.BrokerProperties;
import org.relais.failure.FailureRecorder;
import org.springframework.stereotype.Component;

/**
 * The messages on the dead-letter queue ({@code relais.broker.dead-letter-queue}): browsed without taking them, and
 * moved back to their queue or removed in one JMS transaction, so a message is never both retried and still dead,
 * nor lost between the two.
 */
@Component
class DeadLetterQueue {

    /** Set by Artemis when the broker itself dead-letters a message (too many deliveries). */
    private static final String BROKER_ORIGIN_PROPERTY = "_AMQ_ORIG_QUEUE";
    private static final long RECEIVE_TIMEOUT_MS = 2_000;
    private static final int BROWSE_LIMIT = 500;

    /** A message on the dead-letter queue; {@code failureId} is null for what the broker dead-lettered itself. */
    record DeadMessage(String messageId, Long failureId, String originQueue, String body) {
    }

    private final ConnectionFactory connectionFactory;
    private final String queue;

    DeadLetterQueue(ConnectionFactory connectionFactory, BrokerProperties broker) {
        this.connectionFactory = connectionFactory;
        this.queue = broker.deadLetterQueue();
    }

    List<DeadMessage> browse() {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            List<DeadMessage> messages = new ArrayList<>();
            for (Object element : Collections.list(browser.getEnumeration())) {
                if (messages.size() >= BROWSE_LIMIT) {
                    break;
                }
                messages.add(deadMessage((Message) element));
            }
            return messages;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the message of a recorded failure off the DLQ and, if {@code origin} is given, sends its body (or
     * {@code fallbackBody} when the message is gone from the DLQ) back to that queue. Returns whether a message was
     * found on the DLQ.
     */
    boolean moveFailure(long failureId, String origin, String fallbackBody) {
        return move(FailureRecorder.FAILURE_ID_HEADER + " = " + failureId, origin, fallbackBody);
    }

    /** The same for a message the broker dead-lettered itself, known by its JMS message id. */
    Optional<DeadMessage> moveMessage(String messageId, boolean backToOrigin) {
        if (!messageId.matches("ID:[0-9A-Za-z:-]+")) {
            throw new IllegalArgumentException("Not a JMS message id: " + messageId);
        }
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            Message message;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    "JMSMessageID = '" + messageId + "'")) {
                message = consumer.receive(RECEIVE_TIMEOUT_MS);
            }
            if (message == null) {
                session.rollback();
                return Optional.empty();
            }
            DeadMessage dead = deadMessage(message);
            if (backToOrigin) {
                if (dead.originQueue() == null) {
                    session.rollback();
                    throw new IllegalStateException("Message " + messageId + " does not say which queue it came from");
                }
                send(session, dead.originQueue(), dead.body());
            }
            session.commit();
            return Optional.of(dead);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot move " + messageId + ": " + e.getMessage(), e);
        }
    }

    private boolean move(String selector, String origin, String fallbackBody) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            Message message;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                message = consumer.receive(RECEIVE_TIMEOUT_MS);
            }
            if (origin != null) {
                String body = message == null ? fallbackBody : text(message);
                send(session, origin, body);
            }
            session.commit();
            return message != null;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot move the message (" + selector + "): " + e.getMessage(), e);
        }
    }

    private static void send(Session session, String queue, String body) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(session.createTextMessage(body));
        }
    }

    private static DeadMessage deadMessage(Message message) throws JMSException {
        Long failureId = message.propertyExists(FailureRecorder.FAILURE_ID_HEADER)
                ? message.getLongProperty(FailureRecorder.FAILURE_ID_HEADER) : null;
        String origin = message.getStringProperty(FailureRecorder.ORIGIN_QUEUE_HEADER);
        if (origin == null && message.propertyExists(BROKER_ORIGIN_PROPERTY)) {
            origin = String.valueOf(message.getObjectProperty(BROKER_ORIGIN_PROPERTY));
        }
        return new DeadMessage(message.getJMSMessageID(), failureId, origin, text(message));
    }

    private static String text(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return new String(content, StandardCharsets.UTF_8);
        }
        return message.getBody(String.class);
    }
}
