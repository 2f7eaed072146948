package org.relais.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The hub with list mail: contacts back to subscribed, each event at once; helpers to store documents. */
public abstract class ListMailTest extends HubTest {

    protected static final List<String> FOLLOW_UP = List.of("suivi-bg@relais.test", "suivi-fr@relais.test",
            "suivi-md@relais.test", "suivi-ro@relais.test");
    protected static final List<String> NETWORKS = List.of("adf@relais.test", "anmrb@relais.test",
            "apscf@relais.test", "cuf@relais.test", "fonpc@relais.test", "rne@relais.test", "uncjr@relais.test");
    /** A minutes' distribution reaches the follow-up group and the networks. */
    protected static final int MINUTES_RECIPIENTS = FOLLOW_UP.size() + NETWORKS.size();

    @Autowired
    protected JmsTemplate jms;

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void everyContactSubscribedAndNotifiedOfEachEvent() {
        jdbc.sql("""
                        update contact set unsubscribed_at = null, unsubscribed_via = null, hard_bounces = 0,
                            soft_bounces = 0, bounce_flagged_at = null, notification_mode = 'each'
                        """)
                .update();
    }

    /** A mail from {@code sender} holding one text file per language; returns the part ids by language. */
    protected Map<String, Long> storedVersions(String sender, String seminar, String kind, String... languages) {
        long mailId = jdbc.sql("""
                        insert into inbound_mail (dedup_key, sender, subject, raw, size_bytes, state, reference,
                                                  seminar_code)
                        values (gen_random_uuid()::text, :sender, 'documents', 'raw'::bytea, 3, 'processed',
                                'REL-2026-' || (9000 + floor(random() * 900))::int, :seminar)
                        returning id
                        """)
                .param("sender", sender)
                .param("seminar", seminar)
                .query(Long.class).single();
        Map<String, Long> parts = new java.util.TreeMap<>();
        int position = 0;
        for (String language : languages) {
            byte[] content = (kind + " " + seminar + " in " + language).getBytes(StandardCharsets.UTF_8);
            long partId = jdbc.sql("""
                            insert into mail_part (mail_id, position, file_name, declared_type, detected_type,
                                                   size_bytes, content, kind)
                            values (:mailId, :position, :fileName, 'text/plain', 'text/plain', :size, :content, :kind)
                            returning id
                            """)
                    .param("mailId", mailId)
                    .param("position", position++)
                    .param("fileName", fileName(kind, language))
                    .param("size", content.length)
                    .param("content", content)
                    .param("kind", kind)
                    .query(Long.class).single();
            parts.put(language, partId);
        }
        return parts;
    }

    protected static String fileName(String kind, String language) {
        return kind + "_" + language + ".txt";
    }

    protected DistributionRequest request(String reference, String kind, String seminar, Map<String, Long> parts) {
        return new DistributionRequest(reference, kind, seminar, "Compte rendu " + seminar,
                parts.entrySet().stream().map(e -> new DistributionRequest.Version(e.getKey(), e.getValue(),
                        fileName(kind, e.getKey()))).toList());
    }

    protected void publish(String queue, Object message) {
        try {
            jms.convertAndSend(queue, JSON.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String ledgerState(String reference, String recipient) {
        return jdbc.sql("select state from distribution_ledger where reference = :reference and recipient = :recipient")
                .param("reference", reference).param("recipient", recipient)
                .query(String.class).single();
    }
}
