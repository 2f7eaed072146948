-- Tracking references are numbered by one sequence a year (org.relais.reference.TrackingReferences) instead of a
-- counter row, which every intake consumer locked in turn. Each year counted so far goes on from its last number.
do $$
declare
    counted record;
begin
    for counted in select year, last from reference_counter loop
        execute format('create sequence reference_%s start with %s', counted.year, counted.last + 1);
    end loop;
end
$$;

drop table reference_counter;
