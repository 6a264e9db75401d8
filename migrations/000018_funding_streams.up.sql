-- Issue 14: money in 2026/27 (PLANNING.md, "Funding": streams, reimbursement share, cash
-- flow). Every staff record and plan line is funded by one stream: 'arrs' (the PCN's
-- ARRS sum), 'practice_gp' (the practice-level GP reimbursement scheme, GPs only, claimed
-- by a practice) or 'other' (core or local money, nothing reimbursed).

-- Staff: the stream replaces arrs_funded (false meant "a post in an ARRS role the PCN
-- pays for itself", which is the 'other' stream). NULL still means "as the role says":
-- 'arrs' for an ARRS role, 'other' outside ARRS (imports leave it NULL). A practice-scheme
-- GP names the member practice that employs and claims for them. A post outside ARRS
-- that a commissioner approved for the PCN (approved_roles below) names the approval.
CREATE TABLE approved_roles (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pcn_code       text NOT NULL REFERENCES pcns (code),
    -- The role as the PCN's staff records name it (NWRS STAFF_ROLE or as typed).
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    band           text NOT NULL DEFAULT '',
    cap_pence      bigint NOT NULL CHECK (cap_pence > 0),
    valid_from     date NOT NULL,
    valid_to       date CHECK (valid_to IS NULL OR valid_to > valid_from), -- first day no longer approved
    note           text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    approved_by    text NOT NULL,
    approved_at    timestamptz NOT NULL DEFAULT now(),
    version        integer NOT NULL DEFAULT 1 CHECK (version > 0),
    -- A staff record names an approval of its own PCN (staff_approved_role_pcn_fkey).
    UNIQUE (id, pcn_code)
);
CREATE INDEX approved_roles_pcn_idx ON approved_roles (pcn_code);

ALTER TABLE staff
    ADD COLUMN funding_stream   text CHECK (funding_stream IN ('arrs', 'practice_gp', 'other')),
    ADD COLUMN practice_code    text REFERENCES practices (code),
    ADD COLUMN approved_role_id bigint REFERENCES approved_roles (id);
UPDATE staff SET funding_stream = CASE WHEN arrs_funded THEN 'arrs' ELSE 'other' END
WHERE arrs_funded IS NOT NULL;
ALTER TABLE staff
    DROP CONSTRAINT staff_arrs_funded_needs_role,
    DROP COLUMN arrs_funded,
    -- The ARRS stream needs an ARRS role or an approval; the practice scheme a GP and
    -- the practice that claims.
    ADD CONSTRAINT staff_arrs_needs_role CHECK (funding_stream IS DISTINCT FROM 'arrs'
        OR role_code IS NOT NULL OR approved_role_id IS NOT NULL),
    ADD CONSTRAINT staff_practice_gp CHECK ((funding_stream IS NOT DISTINCT FROM 'practice_gp')
        = (practice_code IS NOT NULL) AND (funding_stream IS DISTINCT FROM 'practice_gp' OR role_code = 'gp')),
    ADD CONSTRAINT staff_approved_outside_arrs CHECK (approved_role_id IS NULL OR role_code IS NULL),
    -- An approval is for one PCN: no record of another PCN may be claimed under it.
    ADD CONSTRAINT staff_approved_role_pcn_fkey FOREIGN KEY (approved_role_id, pcn_code)
        REFERENCES approved_roles (id, pcn_code);

-- Plan lines: one per role, quarter and stream (PLANNING.md, "File formats").
ALTER TABLE plan_lines
    ADD COLUMN funding_stream text NOT NULL DEFAULT 'arrs'
        CHECK (funding_stream IN ('arrs', 'practice_gp', 'other')),
    ADD CONSTRAINT plan_lines_practice_gp_is_gp CHECK (funding_stream <> 'practice_gp' OR role_code = 'gp');
ALTER TABLE plan_lines DROP CONSTRAINT plan_lines_pkey;
ALTER TABLE plan_lines ADD PRIMARY KEY (plan_id, role_code, quarter_start, funding_stream);

-- Reimbursement shares by role and period (DOMAIN.md: mental health practitioners 50%
-- until 31 March 2024, 100% in 2024/25 and 2025/26, 50% from 1 April 2026). A role with
-- no row is reimbursed in full. Loaded by `arrs seed reference`.
CREATE TABLE role_shares (
    role_code      text NOT NULL REFERENCES roles (code),
    effective_from date NOT NULL,
    share          numeric(5, 4) NOT NULL CHECK (share > 0 AND share <= 1),
    PRIMARY KEY (role_code, effective_from)
);

-- A PCN's written agreement (e.g. with its mental health trust) that raises a role's
-- share from a date, up to 100%; valid_to is the first day it no longer applies.
CREATE TABLE share_agreements (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pcn_code     text NOT NULL REFERENCES pcns (code),
    role_code    text NOT NULL REFERENCES roles (code),
    share        numeric(5, 4) NOT NULL CHECK (share > 0 AND share <= 1),
    valid_from   date NOT NULL,
    valid_to     date CHECK (valid_to IS NULL OR valid_to > valid_from),
    agreed_on    date NOT NULL,                       -- the date of the written agreement
    party        text NOT NULL DEFAULT '' CHECK (length(party) <= 200), -- e.g. the trust
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
    EXCLUDE USING gist (pcn_code WITH =, role_code WITH =, daterange(valid_from, valid_to) WITH &&)
);

-- How a PCN's costs and reimbursements divide between its member practices: by list
-- size unless the PCN records agreed percentages (which must add up to 100; the store
-- checks the whole set in the transaction that replaces it).
CREATE TABLE practice_share_sets (
    pcn_code    text PRIMARY KEY REFERENCES pcns (code),
    agreed_on   date NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE TABLE practice_shares (
    pcn_code      text NOT NULL REFERENCES practice_share_sets (pcn_code) ON DELETE CASCADE,
    practice_code text NOT NULL REFERENCES practices (code),
    percent       numeric(7, 4) NOT NULL CHECK (percent >= 0 AND percent <= 100),
    PRIMARY KEY (pcn_code, practice_code)
);

-- The practice-level GP reimbursement scheme (DOMAIN.md): a rate per adjusted patient
-- per year, and a cap per WTE from a date (higher in London).
CREATE TABLE practice_gp_rates (
    financial_year text PRIMARY KEY CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
    rate_gbp       numeric(10, 4) NOT NULL CHECK (rate_gbp > 0),
    version        integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE TABLE practice_gp_caps (
    effective_from date NOT NULL,
    london         boolean NOT NULL,
    cap_pence      bigint NOT NULL CHECK (cap_pence > 0),
    PRIMARY KEY (effective_from, london)
);

-- Months between a claim being earned and the ICB paying it (PLANNING.md, "Cash flow").
ALTER TABLE icbs ADD COLUMN payment_lag_months integer NOT NULL DEFAULT 2
    CHECK (payment_lag_months BETWEEN 0 AND 6);

-- Everything here feeds cached funding figures: bump the data version (000004).
CREATE TRIGGER approved_roles_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON approved_roles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER role_shares_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_shares
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER share_agreements_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON share_agreements
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER practice_share_sets_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practice_share_sets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER practice_shares_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practice_shares
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER practice_gp_rates_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practice_gp_rates
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER practice_gp_caps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practice_gp_caps
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- From 1 April 2026 any GP may be claimed (DOMAIN.md), not only one within two years of
-- CCT: the role's name and guide say so (roles are loaded insert-if-missing, so a
-- database seeded before keeps its old text without this).
UPDATE roles SET name = 'GP',
    summary = 'A GP employed by the PCN to see patients. From 2024 the scheme paid for GPs within two years of completing training who could not find posts; from 1 April 2026 any GP may be claimed, or paid instead through the practice-level GP reimbursement scheme.',
    entry_requirements = 'A GP on the GMC GP Register; until 31 March 2026 also within two years of their Certificate of Completion of Training and not already employed by a practice.'
WHERE code = 'gp' AND name = 'GP within 2 years of CCT';
