-- Staff in post. A record is in post on day d when start_date <= d and
-- (end_date IS NULL OR d < end_date) (PLANNING.md, "Staff in post").

CREATE TABLE nwrs_imports (
    id           bigserial PRIMARY KEY,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    file_name    text NOT NULL,
    sha256       text NOT NULL,
    census_date  date NOT NULL,
    rows         integer NOT NULL,
    fte          numeric(14, 6) NOT NULL,
    arrs_fte     numeric(14, 6) NOT NULL,
    started      integer NOT NULL,       -- records that began on this census date
    ended        integer NOT NULL,       -- records closed because absent from the file
    unchanged    integer NOT NULL,
    pcns_created integer NOT NULL DEFAULT 0,
    imported_by  text NOT NULL DEFAULT ''
);

CREATE TABLE staff (
    id                bigserial PRIMARY KEY,
    pcn_code          text NOT NULL,                 -- → pcns (checked per statement below)
    role_code         text,                          -- → roles; NULL: PCN staff outside ARRS
    staff_group       text NOT NULL DEFAULT '',
    staff_role        text NOT NULL DEFAULT '',      -- NWRS STAFF_ROLE
    detailed_role     text NOT NULL DEFAULT '',      -- NWRS DETAILED_STAFF_ROLE
    source            text NOT NULL,                 -- 'NWRS Staff', 'NWRS contracted services', 'manual'
    unique_identifier text NOT NULL DEFAULT '',      -- NWRS UNIQUE_IDENTIFIER; '' for contracted services
    -- NWRS rows with the same (PCN, identifier or source, STAFF_ROLE, DETAILED_STAFF_ROLE)
    -- are one record; source_rows counts how many file rows it sums.
    source_rows       integer NOT NULL DEFAULT 1,
    fte               numeric(12, 6) NOT NULL CHECK (fte >= 0),
    start_date        date NOT NULL,
    end_date          date CHECK (end_date IS NULL OR end_date >= start_date),
    import_id         bigint,                        -- → nwrs_imports
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_pcn_idx ON staff (pcn_code);

-- Referential integrity of staff, checked once per statement over its transition
-- table rather than row by row: a monthly NWRS import writes ~37,000 rows, and
-- row-level foreign-key triggers tripled its time. The same rules hold both ways.
CREATE FUNCTION staff_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
    -- Each distinct value once (a load names ~1,300 PCNs in ~37,000 rows).
    SELECT n.code INTO bad FROM (SELECT DISTINCT pcn_code AS code FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM pcns p WHERE p.code = n.code) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'staff: PCN % does not exist', bad USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT n.code INTO bad FROM (SELECT DISTINCT role_code AS code FROM new_rows WHERE role_code IS NOT NULL) n
    WHERE NOT EXISTS (SELECT 1 FROM roles r WHERE r.code = n.code) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'staff: role % does not exist', bad USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT n.id::text INTO bad FROM (SELECT DISTINCT import_id AS id FROM new_rows WHERE import_id IS NOT NULL) n
    WHERE NOT EXISTS (SELECT 1 FROM nwrs_imports i WHERE i.id = n.id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'staff: import % does not exist', bad USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER staff_refs_insert AFTER INSERT ON staff
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION staff_check_refs();
CREATE TRIGGER staff_refs_update AFTER UPDATE ON staff
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION staff_check_refs();

-- The other direction: a PCN, role or import that staff records name cannot be
-- deleted or renamed. One function per table: each reads its own transition table.
CREATE FUNCTION pcns_still_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN staff s ON s.pcn_code = o.code
               WHERE NOT EXISTS (SELECT 1 FROM pcns p WHERE p.code = o.code)) THEN
        RAISE EXCEPTION 'pcns: staff records still name this PCN' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION roles_still_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN staff s ON s.role_code = o.code
               WHERE NOT EXISTS (SELECT 1 FROM roles r WHERE r.code = o.code)) THEN
        RAISE EXCEPTION 'roles: staff records still name this role' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION imports_still_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN staff s ON s.import_id = o.id
               WHERE NOT EXISTS (SELECT 1 FROM nwrs_imports i WHERE i.id = o.id)) THEN
        RAISE EXCEPTION 'nwrs_imports: staff records still name this import' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER pcns_staff_delete AFTER DELETE ON pcns
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pcns_still_named();
CREATE TRIGGER pcns_staff_update AFTER UPDATE ON pcns
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pcns_still_named();
CREATE TRIGGER roles_staff_delete AFTER DELETE ON roles
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roles_still_named();
CREATE TRIGGER roles_staff_update AFTER UPDATE ON roles
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roles_still_named();
CREATE TRIGGER imports_staff_delete AFTER DELETE ON nwrs_imports
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION imports_still_named();
CREATE TRIGGER imports_staff_update AFTER UPDATE ON nwrs_imports
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION imports_still_named();
