package org.relais.console.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.relais.console.ActionLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as coordinators see and edit it. Each edit is recorded with the contact before and after. The
 * directory file is loaded again at every start and wins for the addresses it lists (flags excepted): a lasting
 * change to those goes into config/directory.yaml too.
 */
@Repository
class ContactEdits {

    record ContactRow(String address, String name, String organisationCode, String organisationName, String language,
                      List<String> roles, String translatesTo, List<String> flags, Instant updatedAt) {

        public String summary() {
            return name + " | " + organisationCode + " | " + language + " | " + roles + " | " + translatesTo + " | "
                    + flags;
        }
    }

    record Edit(String name, String organisationCode, String language, List<String> roles, String translatesTo,
                List<String> flags) {
    }

    private static final String COLUMNS = """
            select c.address, c.name, c.organisation_code, o.name as organisation_name, c.language, c.roles,
                   c.translates_to, c.flags, c.updated_at
            from contact c left join organisation o on o.code = c.organisation_code
            """;

    private final JdbcClient jdbc;
    private final ActionLog actions;

    ContactEdits(JdbcClient jdbc, ActionLog actions) {
        this.jdbc = jdbc;
        this.actions = actions;
    }

    @Transactional(readOnly = true)
    List<ContactRow> contacts(String search) {
        String pattern = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
        return jdbc.sql(COLUMNS + """
                         where cast(:pattern as text) is null or lower(c.address) like :pattern
                            or lower(c.name) like :pattern or lower(coalesce(o.name, '')) like :pattern
                            or array_to_string(c.roles, ',') like :pattern
                        order by c.address
                        """)
                .param("pattern", pattern)
                .query(ContactEdits::row)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<ContactRow> contact(String address) {
        return jdbc.sql(COLUMNS + " where c.address = :address").param("address", address)
                .query(ContactEdits::row).optional();
    }

    @Transactional(readOnly = true)
    List<String> organisations() {
        return jdbc.sql("select code from organisation order by code").query(String.class).list();
    }

    @Transactional
    Optional<ContactRow> edit(String address, Edit edit) {
        Optional<ContactRow> before = contact(address);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                        update contact set name = :name, organisation_code = :organisation, language = :language,
                            roles = string_to_array(:roles, ','), translates_to = :translatesTo,
                            flags = string_to_array(:flags, ','), updated_at = now()
                        where address = :address
                        """)
                .param("address", address)
                .param("name", edit.name().strip())
                .param("organisation", blankToNull(edit.organisationCode()))
                .param("language", edit.language())
                .param("roles", String.join(",", edit.roles()))
                .param("translatesTo", blankToNull(edit.translatesTo()))
                .param("flags", String.join(",", edit.flags()))
                .update();
        ContactRow after = contact(address).orElseThrow();
        actions.record("contact.edit", "contact-" + address, "done",
                before.get().summary() + " → " + after.summary());
        return Optional.of(after);
    }

    private static ContactRow row(ResultSet rs, int row) throws SQLException {
        return new ContactRow(rs.getString("address"), rs.getString("name"), rs.getString("organisation_code"),
                rs.getString("organisation_name"), rs.getString("language"), strings(rs.getArray("roles")),
                rs.getString("translates_to"), strings(rs.getArray("flags")),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
