-- The GP role's name and guide as they were before 1 April 2026.
UPDATE roles SET name = 'GP within 2 years of CCT' WHERE code = 'gp' AND name = 'GP';
ALTER TABLE icbs DROP COLUMN payment_lag_months;
DROP TABLE practice_gp_caps;
DROP TABLE practice_gp_rates;
DROP TABLE practice_shares;
DROP TABLE practice_share_sets;
DROP TABLE share_agreements;
DROP TABLE role_shares;
-- Plan lines of other streams fold into one line per role and quarter is not possible
-- without losing figures: keep the ARRS lines, as the old rule knew only those.
-- A submitted or accepted version's lines are read-only (plan_lines_editable): the
-- trigger is set aside for this one statement.
ALTER TABLE plan_lines DISABLE TRIGGER plan_lines_editable;
DELETE FROM plan_lines WHERE funding_stream <> 'arrs';
ALTER TABLE plan_lines ENABLE TRIGGER plan_lines_editable;
ALTER TABLE plan_lines DROP CONSTRAINT plan_lines_pkey;
ALTER TABLE plan_lines ADD PRIMARY KEY (plan_id, role_code, quarter_start);
ALTER TABLE plan_lines DROP CONSTRAINT plan_lines_practice_gp_is_gp, DROP COLUMN funding_stream;
ALTER TABLE staff
    DROP CONSTRAINT staff_arrs_needs_role,
    DROP CONSTRAINT staff_practice_gp,
    DROP CONSTRAINT staff_approved_outside_arrs,
    DROP CONSTRAINT staff_approved_role_pcn_fkey,
    ADD COLUMN arrs_funded boolean;
UPDATE staff SET arrs_funded = (funding_stream = 'arrs' AND role_code IS NOT NULL) WHERE funding_stream IS NOT NULL;
ALTER TABLE staff
    DROP COLUMN funding_stream,
    DROP COLUMN practice_code,
    DROP COLUMN approved_role_id,
    ADD CONSTRAINT staff_arrs_funded_needs_role CHECK (arrs_funded IS NOT TRUE OR role_code IS NOT NULL);
DROP TABLE approved_roles;
