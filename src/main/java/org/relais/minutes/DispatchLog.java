package org.relais.minutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatches already decided, by cause ("document:42", "reply:17:translation", …). A step runs its work through
 * {@link #once}: the first time it does the work in the caller's transaction and records what it hands on; a
 * redelivered message finds the record and hands on the same again, without doing the work twice.
 */
@Component
public class DispatchLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    DispatchLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Dispatch once(String cause, String reference, Supplier<Dispatch> work) {
        Optional<Dispatch> recorded = recorded(cause);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Dispatch dispatch = work.get();
        record(cause, reference, dispatch);
        return dispatch;
    }

    public Optional<Dispatch> recorded(String cause) {
        return jdbc.sql("select dispatch from minutes_dispatch where cause = :cause")
                .param("cause", cause)
                .query(String.class)
                .optional()
                .map(DispatchLog::read);
    }

    public void record(String cause, String reference, Dispatch dispatch) {
        try {
            jdbc.sql("""
                            insert into minutes_dispatch (cause, reference, dispatch) values (:cause, :reference, :dispatch)
                            on conflict (cause) do nothing
                            """)
                    .param("cause", cause)
                    .param("reference", reference)
                    .param("dispatch", JSON.writeValueAsString(dispatch))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dispatch read(String json) {
        try {
            return JSON.readValue(json, Dispatch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dispatch " + json, e);
        }
    }
}
