-- The directory: organisations, contacts and seminars, loaded from config/*.yaml at start (upserts).
create table organisation (
    code     text primary key,
    name     text not null,
    country  text not null,
    language text not null,
    kind     text not null
);

create table contact (
    address            text primary key,
    name               text not null,
    organisation_code  text references organisation (code),
    language           text not null,
    roles              text[] not null default '{}',
    translates_to      text,
    updated_at         timestamptz not null default now()
);

create table seminar (
    code               text primary key,
    number             int not null unique,
    title              text not null,
    organiser_code     text not null references organisation (code),
    participant_codes  text[] not null default '{}',
    planned_month      date not null,
    themes             text[] not null default '{}',
    keywords           text[] not null default '{}'
);

-- Tracking references REL-<year>-<n>, numbered per year.
create table reference_counter (
    year int primary key,
    last int not null
);

-- Every mail fetched from the hub mailbox, byte for byte, before anything else happens to it.
create table inbound_mail (
    id            bigserial primary key,
    dedup_key     text not null unique,
    message_id    text,
    sender        text,
    subject       text,
    raw           bytea not null,
    size_bytes    int not null,
    fetched_at    timestamptz not null default now(),
    state         text not null default 'received',
    reference     text unique,
    quoted_reference text,
    language      text,
    seminar_code  text references seminar (code),
    problem       text,
    processed_at  timestamptz
);
create index inbound_mail_state on inbound_mail (state);
create index inbound_mail_sender on inbound_mail (sender);

-- Each leaf part of a mail (attachments, bodies, parts of forwarded messages), with its verdict.
create table mail_part (
    id             bigserial primary key,
    mail_id        bigint not null references inbound_mail (id),
    position       int not null,
    file_name      text,
    declared_type  text,
    detected_type  text,
    size_bytes     int not null,
    content        bytea,
    kind           text not null,
    rejection      text,
    unique (mail_id, position)
);

-- A part recognised as a document of the partnership, waiting on (or handed to) its flow's queue.
create table document (
    id            bigserial primary key,
    reference     text not null,
    mail_id       bigint not null references inbound_mail (id),
    part_id       bigint not null references mail_part (id) unique,
    kind          text not null,
    queue         text not null,
    seminar_code  text references seminar (code),
    sender        text not null,
    language      text not null,
    file_name     text,
    created_at    timestamptz not null default now()
);
create index document_reference on document (reference);

-- Every mail Relais writes, rendered once and stored, then sent by the mail-send route.
create table outgoing_mail (
    id           bigserial primary key,
    purpose      text not null,
    mail_id      bigint references inbound_mail (id),
    recipient    text not null,
    language     text,
    subject      text not null,
    message_id   text not null unique,
    raw          bytea not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    attempts     int not null default 0,
    last_error   text
);
create index outgoing_mail_recipient on outgoing_mail (recipient, created_at);

-- Messages that exhausted their retries; what a coordinator sees and retries or discards.
create table failure (
    id           bigserial primary key,
    occurred_at  timestamptz not null default now(),
    route_id     text,
    origin_queue text,
    reference    text,
    body         text,
    error        text not null,
    detail       text,
    state        text not null default 'dead',
    resolved_at  timestamptz,
    resolved_by  text
);
create index failure_state on failure (state);
