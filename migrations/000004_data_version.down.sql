DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['regions', 'icbs', 'sub_icbs', 'pcns', 'pcn_populations', 'roles',
        'nwrs_role_map', 'role_caps', 'funding_rates', 'targets', 'target_milestones',
        'national_series', 'staff', 'nwrs_imports', 'plans', 'plan_lines', 'pcn_baselines']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_data_version', t);
    END LOOP;
END $$;
DROP FUNCTION bump_data_version();
DROP TABLE data_version;
