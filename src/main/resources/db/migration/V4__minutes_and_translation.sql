-- Minutes: one row per tracking reference (a partner's mail), collecting its versions until every configured
-- language is there or a coordinator decides; the state survives restarts.
create table minutes (
    reference         text primary key,
    mail_id           bigint not null references inbound_mail (id),
    seminar_code      text references seminar (code),
    sender            text not null,
    sender_language   text not null,
    title             text,
    state             text not null default 'collecting',  -- collecting | complete
    received_at       timestamptz not null default now(),
    deadline          timestamptz not null,
    overdue_notified_at timestamptz,
    completed_at      timestamptz,
    completed_by      text                                 -- 'all-languages' or the deciding coordinator
);
create index minutes_state on minutes (state, deadline);

-- Each document of the minutes as sent, with its text and the language it is in. language_state: detected (the
-- detector was confident), uncertain (waiting for a coordinator; language is null), set (a coordinator chose).
create table minutes_document (
    document_id        bigint primary key references document (id),
    reference          text not null references minutes (reference),
    part_id            bigint not null references mail_part (id),
    file_name          text,
    text               text not null,
    extraction_problem text,
    detected_language  text,
    confidence         double precision,
    language           text,
    language_state     text not null,
    language_set_by    text,
    language_set_at    timestamptz
);
create index minutes_document_reference on minutes_document (reference);

-- One version per language: the sender's own, a translator's or the machine's. part_id is always a mail_part the
-- distribution can send: the sender's or translator's file as received, or a UTF-8 text part Relais derived
-- (kind 'minutes-text') when the version came as a mail body or from the machine.
create table minutes_version (
    reference   text not null references minutes (reference),
    language    text not null,
    origin      text not null,          -- sender | translator | machine
    part_id     bigint not null references mail_part (id),
    file_name   text not null,
    text        text not null,
    author      text,                   -- the sender's or translator's address, or the machine's URL
    added_at    timestamptz not null default now(),
    primary key (reference, language)
);

-- What each step decided to send (mails, events, jobs, distribution), under the key of what caused it: a message
-- delivered again after a crash finds it here and sends the same again instead of deciding anew.
create table minutes_dispatch (
    cause      text primary key,
    reference  text not null references minutes (reference),
    dispatch   text not null,
    created_at timestamptz not null default now()
);

-- A translation of one minutes into one language. state: queued | with-translator | waiting-coordinator | done.
create table translation_job (
    id                  bigserial primary key,
    reference           text not null references minutes (reference),
    source_document_id  bigint not null references minutes_document (document_id),
    source_language     text not null,
    target_language     text not null,
    human               boolean not null,
    machine             text not null,     -- off | draft | final
    state               text not null default 'queued',
    machine_attempted_at timestamptz,
    machine_draft       text,
    machine_problem     text,
    problem             text,
    created_at          timestamptz not null default now(),
    done_at             timestamptz,
    unique (reference, target_language)
);
create index translation_job_state on translation_job (state);

-- Each translator asked for a job, in order. outcome: pending | declined | delivered | withdrawn.
create table translation_assignment (
    job_id        bigint not null references translation_job (id),
    translator    text not null,
    position      int not null,
    sent_at       timestamptz not null default now(),
    reminded_at   timestamptz,
    escalated_at  timestamptz,
    outcome       text not null default 'pending',
    answered_at   timestamptz,
    reply_mail_id bigint references inbound_mail (id),
    primary key (job_id, translator)
);
create index translation_assignment_pending on translation_assignment (outcome, sent_at);
