-- The coordinators' console: every action taken from it, the alarms it raised, and markers on contacts.
create table console_action (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    action   text not null,
    target   text not null,
    outcome  text not null,
    detail   text
);
create index console_action_target on console_action (target);

-- At most one active alarm of each kind, whichever hub instance raised it: only the one that inserted it mails.
create table console_alarm (
    id               bigserial primary key,
    kind             text not null,
    raised_at        timestamptz not null default now(),
    detail           text not null,
    cleared_at       timestamptz,
    outgoing_mail_id bigint references outgoing_mail (id) on delete set null
);
create unique index console_alarm_active on console_alarm (kind) where cleared_at is null;

-- Markers a coordinator sets on a contact (inactive, bounces, needs-review …); the directory reload leaves them.
alter table contact add column flags text[] not null default '{}';
