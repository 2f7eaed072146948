-- The follow-up group's review of an accepted forecast budget.
create table budget_review (
    budget_id        bigint primary key references budget (id),
    reference        text not null,
    state            text not null default 'open',
    requested_at     timestamptz not null default now(),
    last_reminder_at timestamptz,
    decided_at       timestamptz,
    decided_by       text
);
create index budget_review_state on budget_review (state);

-- Each reviewer's answer, with the free comment kept; one per reply mail.
create table review_decision (
    id         bigserial primary key,
    budget_id  bigint not null references budget (id),
    reviewer   text not null,
    decision   text not null,
    comment    text,
    mail_id    bigint references inbound_mail (id) unique,
    decided_at timestamptz not null default now()
);
create index review_decision_budget on review_decision (budget_id);
