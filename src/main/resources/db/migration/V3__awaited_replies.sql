-- Replies a flow waits for: a mail from `address` quoting `reference` goes to `queue` (with the flow's `context`)
-- instead of being taken in as new documents. A review request, a translation job, a newsletter register theirs.
create table awaited_reply (
    reference  text not null,
    address    text not null,
    queue      text not null,
    context    text,
    created_at timestamptz not null default now(),
    primary key (reference, address, queue)
);

-- The declared charset of text parts, so that flows read a body as its author wrote it.
alter table mail_part add column charset text;

-- Mails recognised as awaited replies, and the queues they were handed to (republished after a crash).
create table inbound_reply (
    mail_id          bigint not null references inbound_mail (id),
    queue            text not null,
    quoted_reference text not null,
    context          text,
    body_part_id     bigint references mail_part (id),
    attachment_ids   bigint[] not null default '{}',
    primary key (mail_id, queue)
);
