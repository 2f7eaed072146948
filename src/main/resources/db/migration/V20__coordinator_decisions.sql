-- Coordinators' decisions, from the console or by a reply bound to the mail that asked for them (docs/console.md,
-- Decisions).

-- The comment a coordinator gave when settling a review (approved or rejected).
alter table budget_review add column decision_comment text;

-- A coordinator's reply is handled once, under the cause "decision-reply:<mail id>", whatever its reference names
-- (a budget, minutes, an attendance sheet, a seminar): the log of what a step handed on no longer belongs to minutes
-- alone.
alter table minutes_dispatch drop constraint minutes_dispatch_reference_fkey;
