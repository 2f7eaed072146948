package org.relais.distribution;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relais.directory.Contact;
import org.relais.intake.AwaitedReplies;
import org.relais.reference.TrackingReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts as list mail needs them: audiences resolved from roles, subscription references, unsubscriptions,
 * bounce counts and notification preferences (the columns V5 adds to {@code contact}).
 */
@Repository
public class ListContacts {

    /** The flow replies to list mail go to (unsubscribe, digest preference): routes/distribution-replies.yaml. */
    static final String REPLY_FLOW = "list";

    private static final String COLUMNS = """
            select address, name, organisation_code, language, roles, translates_to, list_reference,
                   unsubscribed_at, bounce_flagged_at, notification_mode
            from contact
            """;

    private final JdbcClient jdbc;
    private final DistributionConfig config;
    private final AwaitedReplies awaitedReplies;
    private final TrackingReferences references;

    ListContacts(JdbcClient jdbc, DistributionConfig config, AwaitedReplies awaitedReplies,
                 TrackingReferences references) {
        this.jdbc = jdbc;
        this.config = config;
        this.awaitedReplies = awaitedReplies;
        this.references = references;
    }

    public Optional<ListContact> find(String address) {
        return jdbc.sql(COLUMNS + " where address = :address")
                .param("address", address.toLowerCase(Locale.ROOT))
                .query(ListContacts::row)
                .optional();
    }

    /**
     * The members of these audiences, each once, in a stable order; the seminar (null: the whole programme) matters
     * to seminar-organiser, seminar-country and seminar-place.
     */
    public List<ListContact> members(List<String> audienceNames, String seminarCode) {
        Map<String, ListContact> members = new LinkedHashMap<>();
        for (String name : audienceNames) {
            DistributionConfig.Audience audience = config.audience(name);
            List<ListContact> found = jdbc.sql(COLUMNS + """
                             where (roles && string_to_array(:roles, ',') or address = any(string_to_array(:addresses, ',')))
                               and (not :seminarOrganiser or organisation_code =
                                    (select organiser_code from seminar where code = :seminar))
                               and (:countries = '' or organisation_code in (select code from organisation
                                    where country = any(string_to_array(:countries, ','))))
                               and (not :seminarCountry or cast(:seminar as text) is null or organisation_code in (
                                    select o.code from seminar s
                                    join organisation held on held.code = s.organiser_code
                                    join organisation o on o.country = held.country or o.posted_in = held.country
                                    where s.code = :seminar))
                               and (not :seminarPlace or cast(:seminar as text) is null or organisation_code in (
                                    select o.code from organisation o join seminar s on o.place = s.organiser_code
                                    where s.code = :seminar))
                             order by address
                            """)
                    .param("roles", String.join(",", audience.roles()))
                    .param("countries", String.join(",", audience.countries()))
                    .param("addresses", String.join(",", audience.addresses()).toLowerCase(Locale.ROOT))
                    .param("seminarOrganiser", audience.seminarOrganiser())
                    .param("seminarCountry", audience.seminarCountry())
                    .param("seminarPlace", audience.seminarPlace())
                    .param("seminar", seminarCode)
                    .query(ListContacts::row)
                    .list();
            found.forEach(contact -> members.putIfAbsent(contact.address(), contact));
        }
        return List.copyOf(members.values());
    }

    /**
     * The reference every list mail to this contact quotes, made the first time: a reply quoting it (an
     * unsubscription, a digest preference) goes to the {@value #REPLY_FLOW} flow instead of being taken in as new mail.
     */
    @Transactional
    public String listReference(String address) {
        Optional<String> existing = jdbc.sql("select list_reference from contact where address = :address for update")
                .param("address", address)
                .query((rs, row) -> Optional.ofNullable(rs.getString("list_reference")))
                .single();
        if (existing.isPresent()) {
            return existing.get();
        }
        String reference = references.next();
        jdbc.sql("update contact set list_reference = :reference where address = :address")
                .param("reference", reference)
                .param("address", address)
                .update();
        awaitedReplies.expect(reference, address, REPLY_FLOW, "subscription");
        return reference;
    }

    /** True if this call unsubscribed the contact (false if it already was, or is unknown). */
    public boolean unsubscribe(String address, String via) {
        return jdbc.sql("""
                        update contact set unsubscribed_at = now(), unsubscribed_via = :via
                        where address = :address and unsubscribed_at is null
                        """)
                .param("address", address.toLowerCase(Locale.ROOT))
                .param("via", via)
                .update() > 0;
    }

    public boolean resubscribe(String address) {
        return jdbc.sql("""
                        update contact set unsubscribed_at = null, unsubscribed_via = null, bounce_flagged_at = null,
                            hard_bounces = 0, soft_bounces = 0
                        where address = :address
                        """)
                .param("address", address.toLowerCase(Locale.ROOT))
                .update() > 0;
    }

    public boolean notificationMode(String address, String mode) {
        return jdbc.sql("update contact set notification_mode = :mode where address = :address")
                .param("address", address.toLowerCase(Locale.ROOT))
                .param("mode", mode)
                .update() > 0;
    }

    /** Counts a hard bounce; the contact is flagged once it reaches the threshold. Returns the new count. */
    public int hardBounce(String address, int flagAfter) {
        return jdbc.sql("""
                        update contact set hard_bounces = hard_bounces + 1,
                            bounce_flagged_at = case when hard_bounces + 1 >= :flagAfter
                                then coalesce(bounce_flagged_at, now()) else bounce_flagged_at end
                        where address = :address
                        returning hard_bounces
                        """)
                .param("address", address)
                .param("flagAfter", flagAfter)
                .query(Integer.class)
                .optional().orElse(0);
    }

    public void softBounce(String address) {
        jdbc.sql("update contact set soft_bounces = soft_bounces + 1 where address = :address")
                .param("address", address)
                .update();
    }

    /** Members of an audience with their state, for the console. */
    public record Subscription(String address, String name, String language, Instant unsubscribedAt,
                               Instant bounceFlaggedAt, String notificationMode) {
    }

    public List<Subscription> subscriptions(String audienceName) {
        return members(List.of(audienceName), null).stream()
                .map(c -> new Subscription(c.address(), c.contact().name(), c.contact().language(), c.unsubscribedAt(),
                        c.bounceFlaggedAt(), c.notificationMode()))
                .toList();
    }

    private static ListContact row(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Contact contact = new Contact(rs.getString("address"), rs.getString("name"), rs.getString("organisation_code"),
                rs.getString("language"), roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                rs.getString("translates_to"));
        return new ListContact(contact, rs.getString("list_reference"), instant(rs.getTimestamp("unsubscribed_at")),
                instant(rs.getTimestamp("bounce_flagged_at")), rs.getString("notification_mode"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
