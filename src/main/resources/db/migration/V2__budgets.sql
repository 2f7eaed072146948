-- Budgets as Relais read them: one row per checked document, a new version supersedes (and keeps) the old one.
create table budget (
    id                bigserial primary key,
    document_id       bigint not null unique references document (id),
    reference         text not null,
    seminar_code      text references seminar (code),
    kind              text not null,
    version           int not null,
    superseded_by     bigint references budget (id),
    sheet_name        text,
    currency          text,
    verdict           text not null,
    unreadable_reason text,
    checked_at        timestamptz not null default now()
);
create index budget_seminar on budget (seminar_code, kind);

-- Every amount read, with the cell it came from.
create table budget_amount (
    budget_id   bigint not null references budget (id),
    line        text not null,
    label       text,
    column_name text not null,
    cell        text not null,
    raw_text    text,
    amount      numeric(14, 2),
    primary key (budget_id, cell)
);

-- Every problem found, by its stable code.
create table budget_issue (
    id        bigserial primary key,
    budget_id bigint not null references budget (id),
    code      text not null,
    severity  text not null,
    cell      text,
    found     text,
    expected  text
);
