-- The loop guard (docs/loop-guard.md). What it noted of each mail a sender wrote to the hub: when it was written
-- (its Date, or when it came), a fingerprint of its subject and content, and the sign of a robot it showed, if any.
create table loop_arrival (
    mail_id     bigint primary key references inbound_mail (id) on delete cascade,
    sender      text not null,
    arrived_at  timestamptz not null default now(),
    written_at  timestamptz not null,
    fingerprint text,
    sign        text
);
create index loop_arrival_sender on loop_arrival (sender, arrived_at);

-- Answers not sent at once: gathered for a person (sent together in one summary when due_at comes), or held back
-- from a robot over its hourly bound (sent in a summary when the hour turns, or when a coordinator sends it; due_at
-- null: it waits for a coordinator). Stored before anything is sent; outgoing_mail_id names the summary that
-- carried the answer, written in the same transaction as that summary, so no line is lost or sent twice.
create table gathered_answer (
    id               bigserial primary key,
    recipient        text not null,
    recipient_name   text,
    language         text not null,
    summary          text not null,
    purpose          text not null,
    mail_id          bigint references inbound_mail (id) on delete cascade,
    subject          text not null,
    reference        text,
    lines            text not null,
    message_id       text,
    held             boolean not null,
    gathered_at      timestamptz not null default now(),
    due_at           timestamptz,
    released_by      text,
    outgoing_mail_id bigint references outgoing_mail (id) on delete cascade
);
create unique index gathered_answer_once on gathered_answer (mail_id, purpose);
create index gathered_answer_pending on gathered_answer (recipient, summary) where outgoing_mail_id is null;
