-- Mail bytes are kept as they came, without PostgreSQL's compression (bench/README.md, "Intake"): attachments are
-- PDFs, pictures and office files, compressed already, and their base64 text gives its LZ compressor next to nothing,
-- yet the two inserts of a mail's bytes took 1.6 s of 200 mails' 2.9 s of statement time (0.54 s uncompressed).
-- Uncompressed values are also read in slices without reading them whole (the original, read back in 1 MB slices).
alter table inbound_mail alter column raw set storage external;
alter table mail_part alter column content set storage external;
alter table outgoing_mail alter column raw set storage external;
