package org.relais.minutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One message a step decided to put on a queue, already as the JSON text the queue carries (so that the same
 * bytes go out again if the step is replayed).
 */
public record Outbound(String queue, String reference, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Outbound of(String queue, String reference, Object payload) {
        try {
            return new Outbound(queue, reference, JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload + " as JSON", e);
        }
    }
}
