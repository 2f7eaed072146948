-- A minutes or translation step's dispatch is kept as what it hands on, by kind (mails, events, translation jobs,
-- distributions), no longer as queue names with their messages: routes/minutes-dispatch.yaml names the queues.
update minutes_dispatch d set dispatch = (
    select json_build_object(
        'mails', coalesce(json_agg((m.message ->> 'json')::json order by m.position)
                          filter (where m.message ->> 'queue' = 'mail.outgoing'), '[]'::json),
        'events', coalesce(json_agg((m.message ->> 'json')::json order by m.position)
                           filter (where m.message ->> 'queue' = 'events'), '[]'::json),
        'translationJobs', coalesce(json_agg((m.message ->> 'json')::json order by m.position)
                                    filter (where m.message ->> 'queue' like 'translation.%'), '[]'::json),
        'distributions', coalesce(json_agg((m.message ->> 'json')::json order by m.position)
                                  filter (where m.message ->> 'queue' = 'distribution'), '[]'::json))::text
    from json_array_elements(d.dispatch::json -> 'messages') with ordinality as m (message, position))
where d.dispatch::json -> 'messages' is not null;
