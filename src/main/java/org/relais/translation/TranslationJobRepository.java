package org.relais.translation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Translation jobs and the translators asked for each (tables translation_job, translation_assignment). */
@Repository
class TranslationJobRepository {

    /** A translator asked for a job. outcome: pending, declined, delivered. */
    record Assignment(long jobId, String translator, int position, String outcome) {
    }

    /** A pending assignment whose reminder or escalation is due. */
    record Due(long jobId, String translator) {
    }

    private static final String JOB_COLUMNS = """
            select id, reference, source_document_id, source_language, target_language, human, machine, state,
                   machine_attempted_at, machine_draft, machine_problem from translation_job
            """;

    private final JdbcClient jdbc;

    TranslationJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the job is new; false when the language already had one. */
    boolean insertIfAbsent(String reference, long sourceDocumentId, String source, String target, boolean human,
                           String machine) {
        return
        jdbc.sql("""
                        insert into translation_job (reference, source_document_id, source_language, target_language,
                            human, machine)
                        values (:reference, :document, :source, :target, :human, :machine)
                        on conflict (reference, target_language) do nothing
                        """)
                .param("reference", reference)
                .param("document", sourceDocumentId)
                .param("source", source)
                .param("target", target)
                .param("human", human)
                .param("machine", machine)
                .update() == 1;
    }

    List<TranslationJob> jobs(String reference) {
        return jdbc.sql(JOB_COLUMNS + " where reference = :reference order by id")
                .param("reference", reference)
                .query(TranslationJobRepository::job)
                .list();
    }

    Optional<TranslationJob> find(long id) {
        return jdbc.sql(JOB_COLUMNS + " where id = :id").param("id", id).query(TranslationJobRepository::job).optional();
    }

    /** Call with the job's minutes locked first (the order every step takes, so no two steps deadlock). */
    Optional<TranslationJob> lock(long id) {
        return jdbc.sql(JOB_COLUMNS + " where id = :id for update")
                .param("id", id)
                .query(TranslationJobRepository::job)
                .optional();
    }

    void setState(long id, String state, String problem) {
        jdbc.sql("""
                        update translation_job set state = :state, problem = :problem,
                            done_at = case when :state = 'done' then now() else done_at end
                        where id = :id
                        """)
                .param("id", id)
                .param("state", state)
                .param("problem", problem)
                .update();
    }

    void recordMachine(long id, String draft, String problem) {
        jdbc.sql("""
                        update translation_job set machine_attempted_at = now(), machine_draft = :draft,
                            machine_problem = :problem
                        where id = :id and machine_attempted_at is null
                        """)
                .param("id", id)
                .param("draft", draft)
                .param("problem", problem)
                .update();
    }

    List<Assignment> assignments(long jobId) {
        return jdbc.sql("""
                        select job_id, translator, position, outcome from translation_assignment
                        where job_id = :job order by position
                        """)
                .param("job", jobId)
                .query((rs, row) -> new Assignment(rs.getLong("job_id"), rs.getString("translator"),
                        rs.getInt("position"), rs.getString("outcome")))
                .list();
    }

    /** Asks a translator; one asked before (who declined, or was withdrawn) is asked afresh. */
    void insertAssignment(long jobId, String translator, int position) {
        jdbc.sql("""
                        insert into translation_assignment (job_id, translator, position)
                        values (:job, :translator, :position)
                        on conflict (job_id, translator) do update set outcome = 'pending', sent_at = now(),
                            reminded_at = null, escalated_at = null, answered_at = null, reply_mail_id = null
                        """)
                .param("job", jobId)
                .param("translator", translator)
                .param("position", position)
                .update();
    }

    void answer(long jobId, String translator, String outcome, Long replyMailId) {
        jdbc.sql("""
                        update translation_assignment set outcome = :outcome, answered_at = now(),
                            reply_mail_id = :mail
                        where job_id = :job and translator = :translator
                        """)
                .param("job", jobId)
                .param("translator", translator)
                .param("outcome", outcome)
                .param("mail", replyMailId)
                .update();
    }

    List<Due> remindersDue(Instant sentBefore) {
        return jdbc.sql("""
                        select job_id, translator from translation_assignment
                        where outcome = 'pending' and reminded_at is null and sent_at < :before order by sent_at
                        """)
                .param("before", Timestamp.from(sentBefore))
                .query((rs, row) -> new Due(rs.getLong("job_id"), rs.getString("translator")))
                .list();
    }

    List<Due> escalationsDue(Instant remindedBefore) {
        return jdbc.sql("""
                        select job_id, translator from translation_assignment
                        where outcome = 'pending' and escalated_at is null and reminded_at < :before
                        order by reminded_at
                        """)
                .param("before", Timestamp.from(remindedBefore))
                .query((rs, row) -> new Due(rs.getLong("job_id"), rs.getString("translator")))
                .list();
    }

    /** Marks the reminder sent if it is still due; false when another sweep (or an answer) came first. */
    boolean markReminded(long jobId, String translator, Instant sentBefore) {
        return jdbc.sql("""
                        update translation_assignment set reminded_at = now()
                        where job_id = :job and translator = :translator and outcome = 'pending'
                          and reminded_at is null and sent_at < :before
                        """)
                .param("job", jobId)
                .param("translator", translator)
                .param("before", Timestamp.from(sentBefore))
                .update() == 1;
    }

    boolean markEscalated(long jobId, String translator, Instant remindedBefore) {
        return jdbc.sql("""
                        update translation_assignment set escalated_at = now()
                        where job_id = :job and translator = :translator and outcome = 'pending'
                          and escalated_at is null and reminded_at < :before
                        """)
                .param("job", jobId)
                .param("translator", translator)
                .param("before", Timestamp.from(remindedBefore))
                .update() == 1;
    }

    private static TranslationJob job(ResultSet rs, int row) throws SQLException {
        return new TranslationJob(rs.getLong("id"), rs.getString("reference"), rs.getLong("source_document_id"),
                rs.getString("source_language"), rs.getString("target_language"), rs.getBoolean("human"),
                rs.getString("machine"), rs.getString("state"), rs.getTimestamp("machine_attempted_at") != null,
                rs.getString("machine_draft"), rs.getString("machine_problem"));
    }
}
