-- Versions per organisation (issue 17). data_version (000004) moved on every write in
-- England, so a save in one PCN threw away every cached figure everywhere, and every
-- save updated the same row. From here data_version means NATIONAL changes only
-- (reference data, imports, structure); a PCN's own data moves its row of
-- pcn_versions, an ICB's own data its row of icb_versions. A cached figure's version is
-- data_version plus the rows it depends on (datacache.Dep); the counters only grow, so
-- that sum changes exactly when a dependency changed. store.DataVersion is the sum of
-- all three and still moves on any change.
CREATE TABLE pcn_versions (
    pcn_code text PRIMARY KEY,
    version  bigint NOT NULL DEFAULT 0 CHECK (version >= 0)
);
CREATE TABLE icb_versions (
    icb_code text PRIMARY KEY,
    version  bigint NOT NULL DEFAULT 0 CHECK (version >= 0)
);
-- A row for every organisation now; a code that appears later gets its row from the
-- first write that names it (the upserts below). Rows are never deleted: a counter that
-- restarted could bring a sum back to a value it had, and a stale figure with it.
INSERT INTO pcn_versions (pcn_code) SELECT code FROM pcns;
INSERT INTO icb_versions (icb_code) SELECT code FROM icbs;
REVOKE DELETE ON pcn_versions, icb_versions FROM arrs_app;

-- bump_org_versions bumps the versions of the organisations a statement's rows belong
-- to. TG_ARGV[0] is 'pcn' or 'icb'; TG_ARGV[1] is a query giving the rows' codes from
-- the transition table named by %s (new_rows or old_rows; an UPDATE reads both, since a
-- row may move between organisations). A statement that touched no row bumps nothing
-- (pulse_rounds' sealing UPDATE, 000020). More than 64 organisations in one statement
-- is an import or a bulk load: it bumps data_version instead, so it never locks a
-- thousand rows. Codes are bumped in their order, so two statements over several
-- organisations cannot deadlock.
CREATE FUNCTION bump_org_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    q     text;
    codes text[];
BEGIN
    q := CASE TG_OP
        WHEN 'INSERT' THEN format(TG_ARGV[1], 'new_rows')
        WHEN 'DELETE' THEN format(TG_ARGV[1], 'old_rows')
        ELSE format(TG_ARGV[1], 'new_rows') || ' UNION ' || format(TG_ARGV[1], 'old_rows')
    END;
    -- Distinct codes first (a hash over the rows), then sorted: sorting every row of an
    -- import by the database's collation cost more than the import's own checks.
    EXECUTE 'SELECT array_agg(c ORDER BY c COLLATE "C") FROM (SELECT DISTINCT c FROM (' || q
        || ') x (c) WHERE c IS NOT NULL) d' INTO codes;
    IF codes IS NULL THEN
        RETURN NULL;
    ELSIF cardinality(codes) > 64 THEN
        UPDATE data_version SET version = version + 1;
    ELSIF TG_ARGV[0] = 'pcn' THEN
        INSERT INTO pcn_versions AS v (pcn_code, version) SELECT c, 1 FROM unnest(codes) WITH ORDINALITY AS u (c, i) ORDER BY i
        ON CONFLICT (pcn_code) DO UPDATE SET version = v.version + 1;
    ELSE
        INSERT INTO icb_versions AS v (icb_code, version) SELECT c, 1 FROM unnest(codes) WITH ORDINALITY AS u (c, i) ORDER BY i
        ON CONFLICT (icb_code) DO UPDATE SET version = v.version + 1;
    END IF;
    RETURN NULL;
END $$;

-- org_version_triggers replaces table t's data_version trigger with one trigger per
-- event (a transition table serves one event only) and TRUNCATE, which has no rows to
-- read, as a national change.
CREATE FUNCTION org_version_triggers(t text, kind text, codes text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_data_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bump_org_versions(%L, %L)', t || '_version_insert', t, kind, codes);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bump_org_versions(%L, %L)', t || '_version_update', t, kind, codes);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bump_org_versions(%L, %L)', t || '_version_delete', t, kind, codes);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
        FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_version_truncate', t);
END $$;

-- A PCN's own data: the rows name their PCN. pulse_rounds had a row trigger so that a
-- sealing UPDATE touching no row moved nothing (000020): a statement trigger that
-- reads its transition tables moves nothing for no rows either.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['staff', 'plans', 'pcn_baselines', 'pcn_populations', 'sites', 'supervisors',
        'supervision_links', 'approved_roles', 'share_agreements', 'practice_share_sets', 'practice_shares',
        'peer_groups', 'peer_group_members', 'integration_records', 'pulse_rounds']
    LOOP
        PERFORM org_version_triggers(t, 'pcn', 'SELECT pcn_code FROM %s');
    END LOOP;
END $$;

-- A PCN's data through a parent.
SELECT org_version_triggers('plan_lines', 'pcn', 'SELECT p.pcn_code FROM %s r JOIN plans p ON p.id = r.plan_id');
-- staff_history is written only by staff's own UPDATE (staff_keep_history, 000006),
-- whose statement trigger bumps the same PCNs already. A trigger of its own had to join
-- its rows back to staff: a scan of every record ever (about 120 ms at 60 censuses) in
-- each month's import, for nothing.
DROP TRIGGER staff_history_data_version ON staff_history;

-- An ICB's own data.
SELECT org_version_triggers('expected_supply', 'icb', 'SELECT icb_code FROM %s');

-- icbs is structure (national), except the payment lag an ICB sets for itself
-- (/icbs/{code}/payment-lag): an UPDATE that changes nothing but payment_lag_months
-- moves those ICBs; any other change, and every INSERT, DELETE and TRUNCATE, is national.
CREATE FUNCTION bump_icbs_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    codes text[];
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n.code = o.code
               WHERE o.code IS NULL OR n.code IS NULL
                  OR to_jsonb(o) - 'payment_lag_months' <> to_jsonb(n) - 'payment_lag_months') THEN
        UPDATE data_version SET version = version + 1;
        RETURN NULL;
    END IF;
    SELECT array_agg(n.code ORDER BY n.code COLLATE "C") INTO codes
    FROM old_rows o JOIN new_rows n ON n.code = o.code
    WHERE o.payment_lag_months IS DISTINCT FROM n.payment_lag_months;
    IF cardinality(codes) > 64 THEN
        UPDATE data_version SET version = version + 1;
    ELSIF codes IS NOT NULL THEN
        INSERT INTO icb_versions AS v (icb_code, version) SELECT c, 1 FROM unnest(codes) WITH ORDINALITY AS u (c, i) ORDER BY i
        ON CONFLICT (icb_code) DO UPDATE SET version = v.version + 1;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER icbs_data_version ON icbs;
CREATE TRIGGER icbs_data_version AFTER INSERT OR DELETE OR TRUNCATE ON icbs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER icbs_version_update AFTER UPDATE ON icbs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_icbs_version();

DROP FUNCTION org_version_triggers(text, text, text);
