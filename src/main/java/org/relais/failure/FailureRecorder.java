package org.relais.failure;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes down a message that exhausted its retries before it goes to the dead-letter queue, so that a coordinator
 * sees what failed, where and why, and can send it back to its queue.
 */
@Component("failureRecorder")
public class FailureRecorder {

    public static final String FAILURE_ID_HEADER = "relaisFailureId";
    public static final String ORIGIN_QUEUE_HEADER = "relaisOriginQueue";

    private final JdbcClient jdbc;

    FailureRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long record(@Body String body, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
                       @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String routeId,
                       @Header("JMSDestination") Destination origin) throws JMSException {
        Throwable cause = error == null ? new IllegalStateException("unknown error") : error;
        return jdbc.sql("""
                        insert into failure (route_id, origin_queue, body, error, detail)
                        values (:routeId, :origin, :body, :error, :detail)
                        returning id
                        """)
                .param("routeId", routeId)
                .param("origin", origin instanceof Queue queue ? queue.getQueueName() : null)
                .param("body", body == null ? null : body.replace("\0", ""))
                .param("error", (cause.getClass().getSimpleName() + ": " + cause.getMessage()).replace("\0", ""))
                .param("detail", stackTrace(cause))
                .query(Long.class)
                .single();
    }

    public String originQueue(@Header("JMSDestination") Destination origin) throws JMSException {
        return origin instanceof Queue queue ? queue.getQueueName() : null;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString().replace("\0", "");
    }
}
