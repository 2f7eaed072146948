-- Notices gathered during a burst (docs/notifications.md): a member hears of the first event of a quiet period at
-- once; the events that follow within relais.notification.gather-window wait here (mode 'gathered', due_at) until
-- the timer writes one notice listing them. told_at, in the hub's clock, is when the notice carrying the event was
-- written: the member's last one says whether the member is in a quiet period.
alter table notification add column due_at timestamptz;
alter table notification add column told_at timestamptz;
update notification n set told_at = o.created_at from outgoing_mail o where o.id = n.outgoing_mail_id;
create index notification_told on notification (recipient, told_at);
create index notification_gathering on notification (due_at)
    where mode = 'gathered' and outgoing_mail_id is null and skipped is null;
