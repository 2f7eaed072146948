package org.relais.distribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices when a distribution is settled — every mail sent, refused for good or skipped — and then announces it
 * with a "distribution-done" event. The event's facts are kept with the distribution: a ticket redelivered after a
 * crash announces the same event again, which the notifier recognises as a duplicate.
 */
@Component("deliveryProgress")
public class DeliveryProgress {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DistributionRepository distributions;

    DeliveryProgress(DistributionRepository distributions) {
        this.distributions = distributions;
    }

    @Transactional
    public List<PipelineEvent> afterSend(OutgoingMailSender.Result result) {
        if (result.outcome() == OutgoingMailSender.Outcome.DEFERRED) {
            return List.of();
        }
        return distributions.distributionOf(result.outgoingMailId()).map(this::completed).orElse(List.of());
    }

    /** The done event of the distribution if it is (or just became) settled. */
    List<PipelineEvent> completed(long distributionId) {
        if (distributions.completeIfSettled(distributionId)) {
            DistributionRepository.Summary summary = distributions.summary(distributionId);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("kind", summary.kind());
            facts.put("title", summary.title() == null ? "" : summary.title());
            facts.put("recipients", Integer.toString(summary.recipients()));
            facts.put("sent", Integer.toString(summary.sent()));
            facts.put("failed", Integer.toString(summary.failed()));
            facts.put("skipped", Integer.toString(summary.skipped()));
            facts.put("languages", summary.languages());
            distributions.doneFacts(distributionId, write(facts));
        }
        return distributions.doneFacts(distributionId)
                .map(facts -> {
                    DistributionRepository.Summary summary = distributions.summary(distributionId);
                    return List.of(new PipelineEvent("distribution-done", summary.reference(), summary.seminarCode(),
                            read(facts)));
                })
                .orElse(List.of());
    }

    private static String write(Map<String, String> facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String facts) {
        try {
            return JSON.readValue(facts, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
