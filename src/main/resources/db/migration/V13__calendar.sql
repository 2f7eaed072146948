-- The calendar kept by the hub: each seminar's planned day (from config/seminars.yaml), the day it was held, and
-- every reminder it mailed, each recorded once before its mail is written.
alter table seminar add column planned_date date;
update seminar set planned_date = planned_month;
alter table seminar alter column planned_date set not null;

-- The day a coordinator says the seminar was held (console action), which wins over an attendance sheet's date.
create table seminar_held (
    seminar_code text primary key references seminar (code),
    held_on      date not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);

-- The date an attendance sheet shows above its participants' table (the seminar's day), when it shows one.
alter table attendance_sheet add column held_on date;

-- One row per reminder: an obligation of a seminar (forecast, attendance, minutes, report) at a stage (due: the
-- organiser is reminded; overdue: the coordinators are told). The key makes each reminder happen once.
create table calendar_reminder (
    seminar_code text not null references seminar (code),
    obligation   text not null,
    stage        text not null,
    due_on       date not null,
    recorded_at  timestamptz not null default now(),
    primary key (seminar_code, obligation, stage)
);
