-- Two sessions making a year's sequence at the same moment: the second failed on the catalog, with a unique violation
-- or "relation already exists" (42P07) by timing, and its caller's retry covered only the first. The function now
-- takes the other session's sequence in both cases (TrackingReferencesTest: 60 takes from 6 threads at a year's start).
create or replace function next_reference_number(year int) returns bigint
    language plpgsql as $$
declare
    sequence_name text := 'reference_' || year;
begin
    if to_regclass(sequence_name) is null then
        begin
            execute format('create sequence if not exists %I', sequence_name);
        exception when unique_violation or duplicate_table then
            -- made by another session meanwhile, which has committed it: it is there to take from
            null;
        end;
    end if;
    return nextval(sequence_name);
end
$$;
