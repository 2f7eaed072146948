package org.relais.translation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.jms.core.JmsTemplate;

/**
 * Reading what the flow sent: mail bodies and attachments (the outreach tests read them too), and the JSON messages
 * on its output queues.
 */
public final class FlowMailbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Attachment(String fileName, byte[] content) {
    }

    private FlowMailbox() {
    }

    public static String body(MimeMessage message) throws Exception {
        return text(message);
    }

    /** The first text that is not an attachment, however deep (Spring nests it in mixed/related). */
    private static String text(Part part) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    public static List<Attachment> attachments(MimeMessage message) throws Exception {
        List<Attachment> attachments = new ArrayList<>();
        collect(message, attachments);
        return attachments;
    }

    private static void collect(Part part, List<Attachment> attachments) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            attachments.add(new Attachment(part.getFileName(), bytes.toByteArray()));
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), attachments);
            }
        }
    }

    /** The routes that consume this flow's output queues; stopped while a test reads those queues itself. */
    private static final List<String> OUTPUT_CONSUMERS = List.of("distribution-plan-request",
            "notification-notify-members");

    /** The test reads `distribution` and `events` itself, to count exactly what the flow published there. */
    static void holdOutputConsumers(CamelContext camel) throws Exception {
        for (String route : OUTPUT_CONSUMERS) {
            camel.getRouteController().stopRoute(route);
        }
    }

    static void releaseOutputConsumers(CamelContext camel) throws Exception {
        for (String route : OUTPUT_CONSUMERS) {
            camel.getRouteController().startRoute(route);
        }
    }

    /** The next message for this reference on a queue, or null after the timeout. */
    static <T> T receive(JmsTemplate jms, String queue, String reference, Class<T> type, long timeoutMillis)
            throws Exception {
        jms.setReceiveTimeout(timeoutMillis);
        TextMessage message = (TextMessage) jms.receiveSelected(queue, "relaisReference = '" + reference + "'");
        return message == null ? null : JSON.readValue(message.getText(), type);
    }
}
