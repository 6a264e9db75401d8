DROP TRIGGER staff_keep_history ON staff;
DROP FUNCTION staff_keep_history();
DROP TABLE staff_history;
DROP TRIGGER staff_version ON staff;
DROP FUNCTION staff_bump_version();
ALTER TABLE staff
    DROP CONSTRAINT staff_arrs_funded_needs_role,
    DROP COLUMN band,
    DROP COLUMN annual_cost_pence,
    DROP COLUMN employment_model,
    DROP COLUMN employer,
    DROP COLUMN arrs_funded,
    DROP COLUMN version,
    DROP COLUMN updated_at,
    DROP COLUMN updated_by;
