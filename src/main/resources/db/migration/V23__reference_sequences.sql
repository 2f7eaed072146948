-- Tracking references are numbered by one sequence a year (org.relais.reference.TrackingReferences) instead of a
-- counter row, which every intake consumer locked in turn. Each year counted so far goes on from its last number.
do $$
declare
    counted record;
begin
    for counted in select year, last from reference_counter loop
        execute format('create sequence %I start with %s', 'reference_' || counted.year, counted.last + 1);
    end loop;
end
$$;

drop table reference_counter;

-- The next number of a year, its sequence made first if the year has none yet. Two sessions making it at the same
-- moment: the second fails on the catalog's unique index, and its caller tries again.
create function next_reference_number(year int) returns bigint
    language plpgsql as $$
declare
    sequence_name text := 'reference_' || year;
begin
    if to_regclass(sequence_name) is null then
        execute format('create sequence if not exists %I', sequence_name);
    end if;
    return nextval(sequence_name);
end
$$;
