package org.relais.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The directory as PostgreSQL holds it. */
@Repository
public class DirectoryRepository {

    private static final String UPSERT_ORGANISATION = """
            insert into organisation (code, name, country, language, kind, posted_in, place)
            values (:code, :name, :country, :language, :kind, :postedIn, :place)
            on conflict (code) do update set name = excluded.name, country = excluded.country,
                language = excluded.language, kind = excluded.kind, posted_in = excluded.posted_in,
                place = excluded.place
            """;

    private static final String UPSERT_CONTACT = """
            insert into contact (address, name, organisation_code, language, roles, translates_to)
            values (:address, :name, :organisation, :language, string_to_array(:roles, ','), :translatesTo)
            on conflict (address) do update set name = excluded.name, organisation_code = excluded.organisation_code,
                language = excluded.language, roles = excluded.roles, translates_to = excluded.translates_to,
                updated_at = now()
            where (contact.name, contact.organisation_code, contact.language, contact.roles, contact.translates_to)
                is distinct from
                (excluded.name, excluded.organisation_code, excluded.language, excluded.roles, excluded.translates_to)
            """;

    private static final String UPSERT_SEMINAR = """
            insert into seminar (code, number, title, organiser_code, participant_codes, planned_month, planned_date,
                                 themes, keywords)
            values (:code, :number, :title, :organiser, string_to_array(:participants, '|'), :plannedMonth,
                    :plannedDate, string_to_array(:themes, '|'), string_to_array(:keywords, '|'))
            on conflict (code) do update set number = excluded.number, title = excluded.title,
                organiser_code = excluded.organiser_code, participant_codes = excluded.participant_codes,
                planned_month = excluded.planned_month, planned_date = excluded.planned_date,
                themes = excluded.themes, keywords = excluded.keywords
            """;

    private static final String CONTACT_COLUMNS =
            "select address, name, organisation_code, language, roles, translates_to from contact";

    private final JdbcClient jdbc;
    /**
     * The seminars change only when the directory is loaded from configuration at start ({@link DirectoryLoader}),
     * while every mail taken in looks at them: read once after the load, then kept.
     */
    private volatile List<Seminar> seminars;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsertOrganisation(DirectoryFiles.OrganisationEntry organisation) {
        jdbc.sql(UPSERT_ORGANISATION)
                .param("code", organisation.code())
                .param("name", organisation.name())
                .param("country", organisation.country())
                .param("language", organisation.language())
                .param("kind", organisation.kind())
                .param("postedIn", organisation.postedIn())
                .param("place", organisation.place())
                .update();
    }

    public void upsertContact(Contact contact) {
        jdbc.sql(UPSERT_CONTACT)
                .param("address", contact.address())
                .param("name", contact.name())
                .param("organisation", contact.organisationCode())
                .param("language", contact.language())
                .param("roles", String.join(",", contact.roles()))
                .param("translatesTo", contact.translatesTo())
                .update();
    }

    void upsertSeminar(DirectoryFiles.SeminarEntry seminar) {
        jdbc.sql(UPSERT_SEMINAR)
                .param("code", seminar.code())
                .param("number", seminar.number())
                .param("title", seminar.title())
                .param("organiser", seminar.organiser())
                .param("participants", String.join("|", seminar.participants()))
                .param("plannedMonth", seminar.plannedDay().withDayOfMonth(1))
                .param("plannedDate", seminar.plannedDay())
                .param("themes", String.join("|", seminar.themes()))
                .param("keywords", String.join("|", seminar.keywords()))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(String address) {
        return jdbc.sql(CONTACT_COLUMNS + " where address = :address")
                .param("address", address)
                .query(DirectoryRepository::contact)
                .optional();
    }

    /** Every contact, by address. */
    List<Contact> contacts() {
        return jdbc.sql(CONTACT_COLUMNS + " order by address").query(DirectoryRepository::contact).list();
    }

    @Transactional(readOnly = true)
    public List<Contact> contactsWithRole(String role) {
        return jdbc.sql(CONTACT_COLUMNS + " where :role = any(roles) order by address")
                .param("role", role)
                .query(DirectoryRepository::contact)
                .list();
    }

    public List<Seminar> seminars() {
        List<Seminar> loaded = seminars;
        return loaded == null ? reloadSeminars() : loaded;
    }

    /** Reads the seminars again and keeps them: the loader calls it once its load has committed. */
    List<Seminar> reloadSeminars() {
        List<Seminar> loaded = List.copyOf(readSeminars());
        seminars = loaded;
        return loaded;
    }

    private List<Seminar> readSeminars() {
        return jdbc.sql("""
                        select code, number, title, organiser_code, participant_codes, planned_date, themes, keywords
                        from seminar order by number
                        """)
                .query((rs, row) -> new Seminar(rs.getString("code"), rs.getInt("number"), rs.getString("title"),
                        rs.getString("organiser_code"), strings(rs.getArray("participant_codes")),
                        rs.getDate("planned_date").toLocalDate(), strings(rs.getArray("themes")),
                        strings(rs.getArray("keywords"))))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<String> organisationName(String organisationCode) {
        return jdbc.sql("select name from organisation where code = :code")
                .param("code", organisationCode)
                .query(String.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<String> countryOf(String organisationCode) {
        return jdbc.sql("select country from organisation where code = :code")
                .param("code", organisationCode)
                .query(String.class)
                .optional();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getString("address"), rs.getString("name"), rs.getString("organisation_code"),
                rs.getString("language"), strings(rs.getArray("roles")), rs.getString("translates_to"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
