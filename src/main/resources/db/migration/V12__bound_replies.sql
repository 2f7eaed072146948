-- Decisions by mail count only when bound to the request that asked for them (docs/security.md).

-- The request a mail asks its recipient to answer (a review, a translation job, a subscription), by its tracking
-- reference: a reply bound to the mail (its signed Reply-To, or its Message-ID quoted by the same person) answers it.
alter table outgoing_mail add column request_reference text;
-- When a server first accepted the mail: a delivery report about a mail never accepted is no report of it.
alter table outgoing_mail add column accepted_at timestamptz;
update outgoing_mail set accepted_at = coalesce(sent_at, bounced_at);

-- A mail that claims a person's decision without being bound to the request: nothing is applied; the person is
-- asked at their directory address whether they sent it, and a bound answer confirms (the decision then applies)
-- or denies it.
create table unconfirmed_claim (
    id                   bigserial primary key,
    mail_id              bigint not null references inbound_mail (id),
    claimed_sender       text not null,
    request_reference    text not null,
    queue                text not null,
    context              text,
    body_part_id         bigint references mail_part (id),
    attachment_ids       bigint[] not null default '{}',
    state                text not null default 'pending',  -- pending, confirmed, denied, expired
    confirmation_mail_id bigint references outgoing_mail (id),
    answer_mail_id       bigint references inbound_mail (id),
    created_at           timestamptz not null default now(),
    settled_at           timestamptz,
    unique (mail_id, queue)
);
create index unconfirmed_claim_confirmation on unconfirmed_claim (confirmation_mail_id);
create index unconfirmed_claim_answer on unconfirmed_claim (answer_mail_id);

-- Why a delivery report counted: it came to the mail's signed bounce address, or it names a Message-ID and a
-- recipient the ledger holds as sent. Null: it changed nothing (kept, and listed in the console).
alter table bounce add column counted_by text;
update bounce set counted_by = 'before-signed-addresses';
