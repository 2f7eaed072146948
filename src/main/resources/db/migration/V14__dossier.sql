-- Every funders' dossier the hub built, as it was handed over (by mail, by a signed link, or from the console): what
-- a funder received stays what it was, whatever arrives later.
create table dossier (
    id           bigserial primary key,
    seminar_code text not null references seminar (code),
    language     text not null,
    requested_by text not null,
    mail_id      bigint references inbound_mail (id),
    file_name    text not null,
    content      bytea not null,
    size_bytes   int not null,
    created_at   timestamptz not null default now()
);
-- one dossier per request mail: a request handled twice cannot store a second one
create unique index dossier_request_mail on dossier (mail_id) where mail_id is not null;
