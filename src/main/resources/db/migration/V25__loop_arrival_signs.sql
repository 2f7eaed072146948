-- The loop guard asks, for each kind of sign, whether the sender's mails of the hour showed it a few times
-- (LoopSignRepository.signs): this index finds those mails without walking the sender's others.
create index loop_arrival_sender_sign on loop_arrival (sender, sign, arrived_at) where sign is not null;
