package org.relais.distribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import org.relais.event.PipelineEvent;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a {@link PipelineEvent} on the {@code events} queue once the flow's transaction has committed, so that the
 * follow-up group never hears of something that was rolled back. At least once: the notifier tells an event it
 * already holds only once.
 */
@Component
public class PipelineEvents {

    static final String QUEUE = "events";

    private final JmsTemplate jms;
    private final ObjectMapper json = new ObjectMapper();

    PipelineEvents(JmsTemplate jms) {
        this.jms = jms;
    }

    public void publish(PipelineEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(event);
                }
            });
        } else {
            send(event);
        }
    }

    private void send(PipelineEvent event) {
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the event " + event.type(), e);
        }
        jms.send(QUEUE, session -> {
            TextMessage message = session.createTextMessage(text);
            if (event.reference() != null) {
                message.setStringProperty("relaisReference", event.reference());
            }
            return message;
        });
    }
}
