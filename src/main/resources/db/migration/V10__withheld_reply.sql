-- Automatic mails the hourly limit per address held back (relais.intake.replies-per-sender-per-hour): kept, so that
-- a flood or a loop leaves a trace of whom it did not answer instead of silence.
create table withheld_reply (
    id        bigserial primary key,
    purpose   text not null,
    mail_id   bigint references inbound_mail (id) on delete cascade,
    recipient text not null,
    held_at   timestamptz not null default now()
);
create index withheld_reply_recipient on withheld_reply (recipient, held_at);
