-- Distribution, notifications and newsletters: the mail Relais writes on its own to lists of contacts.

-- Every mail's sending as the SMTP server answered it (all flows): the last answer, when to try again after a
-- temporary refusal (4xx), when it was refused for good (5xx) or bounced later. List mail carries its List-Id, so
-- that the reply limiter, which exists against loops between robots, counts answers only.
alter table outgoing_mail
    add column list_id         text,
    add column last_reply      text,
    add column next_attempt_at timestamptz,
    add column failed_at       timestamptz,
    add column bounced_at      timestamptz;
create index outgoing_mail_unsent on outgoing_mail (purpose) where sent_at is null and failed_at is null;

-- A contact's relation to list mail: its subscription reference (quoted by every list mail, so that a reply reaches
-- the distribution), unsubscription, bounces, and how it wants pipeline notifications (each event or a daily digest).
alter table contact
    add column list_reference     text unique,
    add column unsubscribed_at    timestamptz,
    add column unsubscribed_via   text,
    add column hard_bounces       int not null default 0,
    add column soft_bounces       int not null default 0,
    add column bounce_flagged_at  timestamptz,
    add column notification_mode  text not null default 'each' check (notification_mode in ('each', 'digest'));

-- A document to distribute, once per (reference, kind): a replayed request finds it and sends only what is unsent.
create table distribution (
    id            bigserial primary key,
    reference     text not null,
    kind          text not null,
    seminar_code  text references seminar (code),
    title         text,
    audiences     text[] not null default '{}',
    state         text not null,  -- waiting-languages, no-policy, sending, done
    received_at   timestamptz not null default now(),
    planned_at    timestamptz,
    done_at       timestamptz,
    done_facts    jsonb,          -- the distribution-done event's facts, published again if a crash lost it
    unique (reference, kind)
);

-- The versions received so far, one per language (a later request may bring the missing ones).
create table distribution_version (
    distribution_id bigint not null references distribution (id),
    language        text not null,
    part_id         bigint not null references mail_part (id),
    file_name       text,
    primary key (distribution_id, language)
);

-- The delivery ledger: one row per document and recipient, with the language chosen and the mail written, or why
-- nothing was written (unsubscribed, bounced). The mail's sending state is in outgoing_mail.
create table delivery (
    id               bigserial primary key,
    distribution_id  bigint not null references distribution (id),
    recipient        text not null,
    language         text,
    part_id          bigint references mail_part (id),
    outgoing_mail_id bigint unique references outgoing_mail (id),
    skipped          text,
    created_at       timestamptz not null default now(),
    unique (distribution_id, recipient)
);

create view distribution_ledger as
select d.id as distribution_id, d.reference, d.kind, d.seminar_code, dl.recipient, dl.language,
       o.message_id, o.attempts, o.last_reply, o.sent_at, o.next_attempt_at, o.failed_at, o.bounced_at,
       case when dl.skipped is not null then 'skipped'
            when o.bounced_at is not null then 'bounced'
            when o.failed_at is not null then 'failed'
            when o.sent_at is not null then 'sent'
            when o.attempts > 0 then 'deferred'
            else 'pending' end as state,
       dl.skipped
from delivery dl
join distribution d on d.id = dl.distribution_id
left join outgoing_mail o on o.id = dl.outgoing_mail_id;

-- Pipeline events as received (a duplicate is recognised by its key) and the notifications written for them.
create table pipeline_event (
    id           bigserial primary key,
    dedup_key    text not null unique,
    type         text not null,
    reference    text,
    seminar_code text,
    facts        jsonb not null default '{}',
    received_at  timestamptz not null default now()
);

create table notification (
    event_id         bigint not null references pipeline_event (id),
    recipient        text not null,
    mode             text not null,    -- each: its own mail; digest: waits for the member's daily digest
    outgoing_mail_id bigint references outgoing_mail (id),
    skipped          text,
    primary key (event_id, recipient)
);

-- Runs of the scheduled jobs (newsletters, digests): one row per due time, so that a restart or a second instance
-- never runs a schedule twice, and a run missed while the hub was down is made up once.
create table schedule_run (
    name          text not null,
    scheduled_for timestamptz not null,
    started_at    timestamptz not null default now(),
    primary key (name, scheduled_for)
);

create table newsletter_issue (
    id            bigserial primary key,
    schedule      text not null,
    scheduled_for timestamptz not null,
    requested_by  text not null,       -- schedule or console
    created_at    timestamptz not null default now(),
    unique (schedule, scheduled_for)
);

create table newsletter_delivery (
    issue_id         bigint not null references newsletter_issue (id),
    recipient        text not null,
    language         text,
    outgoing_mail_id bigint unique references outgoing_mail (id),
    skipped          text,
    primary key (issue_id, recipient)
);

-- Delivery status notifications (RFC 3464), one row per recipient reported; the raw report stays in inbound_mail.
create table bounce (
    id                  bigserial primary key,
    inbound_mail_id     bigint not null references inbound_mail (id),
    recipient           text not null,
    action              text,
    status              text,
    severity            text not null,  -- hard, soft, delayed, unreadable
    diagnostic          text,
    original_message_id text,
    outgoing_mail_id    bigint references outgoing_mail (id),
    received_at         timestamptz not null default now(),
    unique (inbound_mail_id, recipient)
);
create index bounce_recipient on bounce (recipient);

-- Replies to list mail (commands by mail), once per reply mail.
create table list_reply (
    mail_id          bigint primary key references inbound_mail (id),
    sender           text not null,
    command          text not null,    -- unsubscribe, digest, each, other
    outgoing_mail_id bigint references outgoing_mail (id),
    received_at      timestamptz not null default now()
);
