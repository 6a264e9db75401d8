-- One counter that moves whenever data behind the pages changes, so that every
-- instance of the server can cache computed pages and know, with one cheap read, when
-- its cache is stale. Statement-level triggers: one bump per statement, not per row.
CREATE TABLE data_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint NOT NULL
);
INSERT INTO data_version (version) VALUES (1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1;
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['regions', 'icbs', 'sub_icbs', 'pcns', 'pcn_populations', 'roles',
        'nwrs_role_map', 'role_caps', 'funding_rates', 'targets', 'target_milestones',
        'national_series', 'staff', 'nwrs_imports', 'plans', 'plan_lines', 'pcn_baselines']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
    END LOOP;
END $$;
