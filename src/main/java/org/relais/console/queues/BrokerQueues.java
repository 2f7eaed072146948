package org.relais.console.queues;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.stereotype.Component;

/**
 * The broker's queues with their depth and consumers, asked of Artemis' management address over JMS: the same code
 * serves the embedded broker of the development run and a standalone broker in production (whose user then needs
 * the {@code manage} permission on {@code activemq.management}).
 */
@Component
public class BrokerQueues {

    public record QueueFigures(String name, long depth, int consumers, long added, long delivering) {
    }

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long REPLY_TIMEOUT_MS = 5_000;

    private final ConnectionFactory connectionFactory;

    BrokerQueues(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** Every queue but the broker's own and temporary ones, by name. */
    public List<QueueFigures> queues() {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            try (Requestor requestor = new Requestor(session)) {
                Object result = requestor.invoke(request -> JMSManagementHelper.putOperationInvocation(
                        request, ResourceNames.BROKER, "getQueueNames"));
                Object[] names = result instanceof Object[] array ? array : new Object[] {result};
                List<QueueFigures> figures = new ArrayList<>();
                for (String name : Arrays.stream(names).map(String::valueOf).sorted().toList()) {
                    if (name.startsWith("activemq.") || name.startsWith("$")) {
                        continue;
                    }
                    try {
                        if (Boolean.TRUE.equals(requestor.attribute(name, "temporary"))) {
                            continue;
                        }
                        figures.add(new QueueFigures(name, requestor.number(name, "messageCount"),
                                (int) requestor.number(name, "consumerCount"),
                                requestor.number(name, "messagesAdded"), requestor.number(name, "deliveringCount")));
                    } catch (RefusedRequestException e) {
                        // most likely a temporary queue of another client, deleted since the list was made
                    }
                }
                figures.sort(Comparator.comparing(QueueFigures::name));
                return figures;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("The broker did not answer: " + e.getMessage(), e);
        }
    }

    /** Messages waiting on one queue. */
    public long depth(String queue) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            try (Requestor requestor = new Requestor(session)) {
                return requestor.number(queue, "messageCount");
            }
        } catch (JMSException e) {
            throw new IllegalStateException("The broker did not answer: " + e.getMessage(), e);
        }
    }

    private interface RequestFiller {
        void fill(Message request) throws Exception;
    }

    private static final class RefusedRequestException extends RuntimeException {
        RefusedRequestException(String message) {
            super(message);
        }
    }

    /** Requests to the management address with one temporary queue for all the answers. */
    private static final class Requestor implements AutoCloseable {

        private final Session session;
        private final TemporaryQueue replies;
        private final MessageProducer producer;
        private final MessageConsumer consumer;

        Requestor(Session session) throws JMSException {
            this.session = session;
            this.replies = session.createTemporaryQueue();
            this.producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
            this.consumer = session.createConsumer(replies);
        }

        long number(String queue, String attribute) throws JMSException {
            Object value = attribute(queue, attribute);
            return value instanceof Number number ? number.longValue() : 0;
        }

        Object attribute(String queue, String attribute) throws JMSException {
            return invoke(request -> JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue,
                    attribute));
        }

        Object invoke(RequestFiller filler) throws JMSException {
            Message request = session.createMessage();
            try {
                filler.fill(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            request.setJMSReplyTo(replies);
            producer.send(request);
            Message reply = consumer.receive(REPLY_TIMEOUT_MS);
            if (reply == null) {
                throw new IllegalStateException("No answer from " + MANAGEMENT_ADDRESS + " within "
                        + REPLY_TIMEOUT_MS + " ms");
            }
            Object result;
            try {
                result = JMSManagementHelper.getResult(reply);
            } catch (Exception e) {
                throw new IllegalStateException("Unreadable answer from " + MANAGEMENT_ADDRESS, e);
            }
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new RefusedRequestException("The broker refused: " + result);
            }
            return result;
        }

        @Override
        public void close() throws JMSException {
            consumer.close();
            producer.close();
            replies.delete();
        }
    }
}
