-- Back to one data_version for every write (000004 … 000020's triggers, exactly).
DROP TRIGGER icbs_version_update ON icbs;
DROP TRIGGER icbs_data_version ON icbs;
CREATE TRIGGER icbs_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON icbs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
DROP FUNCTION bump_icbs_version();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['staff', 'plans', 'pcn_baselines', 'pcn_populations', 'sites', 'supervisors',
        'supervision_links', 'approved_roles', 'share_agreements', 'practice_share_sets', 'practice_shares',
        'peer_groups', 'peer_group_members', 'integration_records', 'pulse_rounds',
        'plan_lines', 'expected_supply']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_version_insert', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_version_update', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_version_delete', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_version_truncate', t);
        IF t <> 'pulse_rounds' THEN
            EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
        END IF;
    END LOOP;
END $$;
CREATE TRIGGER staff_history_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_history
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER pulse_rounds_data_version AFTER INSERT OR UPDATE OR DELETE ON pulse_rounds
    FOR EACH ROW EXECUTE FUNCTION bump_data_version();

DROP FUNCTION bump_org_versions();
DROP TABLE icb_versions;
DROP TABLE pcn_versions;
