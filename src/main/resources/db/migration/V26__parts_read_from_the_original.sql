-- A part taken in from a mail is no longer copied beside the original, which holds its bytes already: in_original
-- says that they are read from there, the leaf at its position (MailParts). Parts taken in before keep their copy;
-- parts that have no original (a machine translation) keep their content.
alter table mail_part add column in_original boolean not null default false;
