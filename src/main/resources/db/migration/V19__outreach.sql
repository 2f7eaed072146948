-- Outreach: syntheses, conclusions and press releases are translated like minutes (one row of minutes each, with
-- its kind) and distributed by their policy.
alter table minutes add column kind text not null default 'minutes';  -- minutes | synthesis | conclusions | press-release

-- Where an organisation acts, for audiences by a seminar's country or place (config/distribution/audiences.yaml):
-- posted_in, the country France's embassy there is posted in; place, the organisation (a local authority) whose
-- territory a local medium covers.
alter table organisation add column posted_in text;
alter table organisation add column place text;

-- A document a coordinator gave the hub from the console: intake takes its mail like any other, with the kind and
-- the seminar chosen in the form instead of guessed (seminar_code null: the whole programme).
create table console_upload (
    mail_id      bigint primary key references inbound_mail (id) on delete cascade,
    kind         text not null,
    seminar_code text references seminar (code),
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now()
);
