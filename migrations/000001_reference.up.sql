-- Reference data: the organisations of the NHS in England, the ARRS role catalogue,
-- caps, funding rates and targets. Loaded by `arrs seed reference`.

CREATE TABLE regions (
    code     text PRIMARY KEY,          -- ODS code, e.g. Y63
    ons_code text NOT NULL DEFAULT '',
    name     text NOT NULL
);

CREATE TABLE icbs (
    code        text PRIMARY KEY,       -- ODS code, e.g. QWO
    ons_code    text NOT NULL DEFAULT '',
    name        text NOT NULL,
    region_code text NOT NULL REFERENCES regions (code)
);
CREATE INDEX icbs_region_idx ON icbs (region_code);

CREATE TABLE sub_icbs (
    code     text PRIMARY KEY,          -- e.g. 15F
    ons_code text NOT NULL DEFAULT '',
    name     text NOT NULL,
    icb_code text NOT NULL REFERENCES icbs (code)
);

CREATE TABLE pcns (
    code                text PRIMARY KEY,  -- "U" + 5 digits
    name                text NOT NULL,
    sub_icb_code        text REFERENCES sub_icbs (code),
    icb_code            text NOT NULL REFERENCES icbs (code),
    member_practices    integer NOT NULL DEFAULT 0 CHECK (member_practices >= 0),
    registered_patients integer NOT NULL DEFAULT 0 CHECK (registered_patients >= 0),
    list_size_date      date,
    -- 'reference' when it came from the published PCN list; 'nwrs' when an NWRS import
    -- named a PCN the reference data did not know.
    origin              text NOT NULL DEFAULT 'reference' CHECK (origin IN ('reference', 'nwrs'))
);
CREATE INDEX pcns_icb_idx ON pcns (icb_code);

-- Carr-Hill weighted populations are not open data: users enter or import them. Until
-- then the registered list size stands in (and pages say so).
CREATE TABLE pcn_populations (
    pcn_code            text NOT NULL REFERENCES pcns (code),
    effective_date      date NOT NULL,
    weighted_population numeric(14, 3) NOT NULL CHECK (weighted_population >= 0),
    PRIMARY KEY (pcn_code, effective_date)
);

CREATE TABLE roles (
    code                  text PRIMARY KEY,   -- canonical code of DOMAIN.md
    name                  text NOT NULL,
    added                 date NOT NULL,      -- first day the role could be claimed
    band                  text NOT NULL DEFAULT '',
    needs_supervision     boolean NOT NULL DEFAULT true,
    trainee               boolean NOT NULL DEFAULT false,
    room_sessions_per_wte numeric(6, 2) NOT NULL DEFAULT 8 CHECK (room_sessions_per_wte >= 0),
    attrition_rate        numeric(6, 4) NOT NULL DEFAULT 0.10 CHECK (attrition_rate >= 0 AND attrition_rate <= 1),
    number_limit          text NOT NULL DEFAULT '',
    summary               text NOT NULL DEFAULT '',
    entry_requirements    text NOT NULL DEFAULT '',
    supervision           text NOT NULL DEFAULT '',
    sort_order            integer NOT NULL DEFAULT 0
);

-- NHS England's PCN Workforce STAFF_ROLE values that count as an ARRS role. Any other
-- STAFF_ROLE is PCN staff outside ARRS. Roles whose name ends "(Mental Health
-- Practitioners)" are mapped by a rule in code as well (workforce.ARRSRoleFor).
CREATE TABLE nwrs_role_map (
    staff_role text PRIMARY KEY,
    role_code  text NOT NULL REFERENCES roles (code)
);

-- Reimbursement maxima per WTE per year, national rate, effective from a date.
-- variant distinguishes parallel caps of one role (e.g. GPN new to GP / experienced).
CREATE TABLE role_caps (
    role_code      text NOT NULL REFERENCES roles (code),
    variant        text NOT NULL DEFAULT '',
    effective_from date NOT NULL,
    cap_pence      bigint NOT NULL CHECK (cap_pence > 0),
    provisional    boolean NOT NULL DEFAULT true,
    PRIMARY KEY (role_code, variant, effective_from)
);

-- Rate per weighted patient for the Additional Roles Reimbursement Sum.
CREATE TABLE funding_rates (
    financial_year text PRIMARY KEY CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
    starts         date NOT NULL UNIQUE,
    rate_gbp       numeric(10, 4) NOT NULL CHECK (rate_gbp > 0)
);

CREATE TABLE targets (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    fte        numeric(12, 3) NOT NULL CHECK (fte > 0),
    baseline   date NOT NULL,
    deadline   date NOT NULL CHECK (deadline > baseline),
    is_default boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX targets_one_default ON targets (is_default) WHERE is_default;

CREATE TABLE target_milestones (
    target_id bigint NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
    due       date NOT NULL,
    fte       numeric(12, 3) NOT NULL CHECK (fte > 0),
    label     text NOT NULL DEFAULT '',
    PRIMARY KEY (target_id, due)
);

-- NHS England's published national FTE by STAFF_ROLE and month (Table 1a, staff and
-- contracted services), 2020-03 to 2025-11, for the national trend chart.
CREATE TABLE national_series (
    month       date NOT NULL,          -- last day of the census month
    staff_group text NOT NULL,
    staff_role  text NOT NULL,
    fte         numeric(12, 3) NOT NULL,
    PRIMARY KEY (month, staff_group, staff_role)
);
