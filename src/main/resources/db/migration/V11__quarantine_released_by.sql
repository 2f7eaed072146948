-- Who released a mail from quarantine: that coordinator vouches for its sender, so intake processes it even when the
-- mail server did not authenticate the sender (relais.mail.trusted-authserv-id).
alter table inbound_mail add column released_by text;
