-- The loop guard looks for an earlier mail of the sender with the same fingerprint without reading the others back
-- (LoopSignRepository.candidates): a flood's mails are found by this index, not scanned.
create index loop_arrival_sender_fingerprint on loop_arrival (sender, fingerprint, arrived_at);
