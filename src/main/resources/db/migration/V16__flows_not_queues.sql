-- A document, an awaited reply and a claim name the flow that takes them; which queue each flow reads is said in
-- routes/ alone. The flows' names are those of the queues for documents; awaited replies get names of their own.
alter table document rename column queue to flow;
alter table awaited_reply rename column queue to flow;
alter table inbound_reply rename column queue to flow;
alter table unconfirmed_claim rename column queue to flow;

update awaited_reply set flow = case flow
    when 'budget.review' then 'budget-review'
    when 'translation.replies' then 'translation'
    when 'distribution.replies' then 'list'
    else flow end;
update inbound_reply set flow = case flow
    when 'budget.review' then 'budget-review'
    when 'translation.replies' then 'translation'
    when 'distribution.replies' then 'list'
    else flow end;
update unconfirmed_claim set flow = case flow
    when 'budget.review' then 'budget-review'
    when 'translation.replies' then 'translation'
    when 'distribution.replies' then 'list'
    else flow end;

-- a translator's reply handled before is recognised under its new cause when it is delivered again
update minutes_dispatch set cause = regexp_replace(cause, ':translation\.replies$', ':translation')
where cause like 'reply:%';
