-- Staff records kept in the browser (issue 5): what a PCN manager records beyond NWRS's
-- columns, optimistic locking, and the history of every change.
--
-- NWRS-imported records may be edited here and keep their source, identifier and role
-- (the key the next import matches them on). The next NWRS import stays authoritative
-- for FTE at its census: if NWRS reports a different FTE on its census date, the edited
-- record ends on that date and a new one starts with NWRS's FTE (PLANNING.md, "Staff in
-- post"); a record absent from the file ends on the census date, as before. Records
-- entered here (source 'manual') are never ended by an import.

ALTER TABLE staff
    -- Agenda for Change band ('2' … '9', or 'non_afc'); '' when not recorded.
    ADD COLUMN band              text NOT NULL DEFAULT '',
    -- Salary plus employer NI and pension for one WTE for a year, so that it compares
    -- with the role's cap (PLANNING.md, "Funding"); NULL when not known (NWRS carries
    -- no salaries).
    ADD COLUMN annual_cost_pence bigint CHECK (annual_cost_pence >= 0),
    -- DOMAIN.md, "Employment models"; NULL when not recorded.
    ADD COLUMN employment_model  text CHECK (employment_model IN ('host_practice', 'joint_employment',
        'subcontract_federation', 'subcontract_trust', 'subcontract_voluntary', 'pcn_company')),
    ADD COLUMN employer          text NOT NULL DEFAULT '',
    -- NULL means "as the role says": ARRS-funded when role_code is an ARRS role. An
    -- explicit false is a post in an ARRS role that the PCN pays for itself. A column
    -- default cannot depend on role_code, and imports (COPY) leave it NULL.
    ADD COLUMN arrs_funded       boolean,
    -- Optimistic locking: every write moves it; a save naming a stale version fails.
    ADD COLUMN version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
    -- Who saved the current version, and when; NULL / '' for a record no one has
    -- changed since it was created (see created_at), or changed by an import.
    ADD COLUMN updated_at        timestamptz,
    ADD COLUMN updated_by        text NOT NULL DEFAULT '',
    ADD CONSTRAINT staff_arrs_funded_needs_role CHECK (arrs_funded IS NOT TRUE OR role_code IS NOT NULL);

-- Optimistic locking holds against every writer: an update that does not move the
-- version itself (an NWRS import ending a record) moves it here, so that a form opened
-- before it is refused rather than silently undoing it.
CREATE FUNCTION staff_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    NEW.updated_by := '';
    RETURN NEW;
END $$;
CREATE TRIGGER staff_version BEFORE UPDATE ON staff
    FOR EACH ROW WHEN (NEW.version = OLD.version) EXECUTE FUNCTION staff_bump_version();

-- Every version of a record but its current one: the whole row as it was, and who
-- replaced it when. Written by a statement-level trigger from the transition tables,
-- so that no writer (a form, an import) can change a record without keeping what it
-- was; one INSERT per statement, however many rows an import ends.
CREATE TABLE staff_history (
    id         bigserial PRIMARY KEY,
    staff_id   bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    version    integer NOT NULL,      -- the version kept here
    changed_at timestamptz NOT NULL,  -- when the next version replaced it
    changed_by text NOT NULL,         -- who saved the next version; '' for an import
    before     jsonb NOT NULL,        -- to_jsonb of the staff row as it was
    UNIQUE (staff_id, version)
);

CREATE FUNCTION staff_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO staff_history (staff_id, version, changed_at, changed_by, before)
    SELECT o.id, o.version, coalesce(n.updated_at, now()), n.updated_by, to_jsonb(o)
    FROM old_rows o JOIN new_rows n ON n.id = o.id;
    RETURN NULL;
END $$;
CREATE TRIGGER staff_keep_history AFTER UPDATE ON staff
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION staff_keep_history();

-- The history page reads it: bump the data version like every table behind a page
-- (000004_data_version).
CREATE TRIGGER staff_history_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_history
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
