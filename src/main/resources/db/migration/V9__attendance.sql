-- Attendance sheets mailed in by organisers, and the participants read from them.
create table attendance_sheet (
    document_id  bigint primary key references document (id),
    reference    text not null,
    seminar_code text references seminar (code),
    sheet_name   text,
    read_at      timestamptz not null default now(),
    problem      text
);

create table participant (
    id                bigserial primary key,
    document_id       bigint not null references attendance_sheet (document_id),
    cell              text not null,
    name              text not null,
    organisation      text,
    country           text,
    category          text,
    category_as_read  text,
    corrected_by      text,
    corrected_at      timestamptz
);
create index participant_document on participant (document_id);
