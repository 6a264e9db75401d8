-- Staff in post. A record is in post on day d when start_date <= d and
-- (end_date IS NULL OR d < end_date) (PLANNING.md, "Staff in post").

CREATE TABLE nwrs_imports (
    id          bigserial PRIMARY KEY,
    imported_at timestamptz NOT NULL DEFAULT now(),
    file_name   text NOT NULL,
    sha256      text NOT NULL,
    census_date date NOT NULL,
    rows        integer NOT NULL,
    fte         numeric(14, 6) NOT NULL,
    arrs_fte    numeric(14, 6) NOT NULL,
    started     integer NOT NULL,       -- records that began on this census date
    ended       integer NOT NULL,       -- records closed because absent from the file
    unchanged   integer NOT NULL,
    pcns_created integer NOT NULL DEFAULT 0,
    imported_by text NOT NULL DEFAULT ''
);

CREATE TABLE staff (
    id                  bigserial PRIMARY KEY,
    pcn_code            text NOT NULL REFERENCES pcns (code),
    role_code           text REFERENCES roles (code),  -- NULL: PCN staff outside ARRS
    staff_group         text NOT NULL DEFAULT '',
    staff_role          text NOT NULL DEFAULT '',      -- NWRS STAFF_ROLE
    detailed_role       text NOT NULL DEFAULT '',      -- NWRS DETAILED_STAFF_ROLE
    source              text NOT NULL,                 -- 'NWRS Staff', 'NWRS contracted services', 'manual'
    unique_identifier   text NOT NULL DEFAULT '',      -- NWRS UNIQUE_IDENTIFIER; '' for contracted services
    -- NWRS rows with the same (PCN, identifier or source, STAFF_ROLE, DETAILED_STAFF_ROLE)
    -- are one record; source_rows counts how many file rows it sums.
    source_rows         integer NOT NULL DEFAULT 1,
    fte                 numeric(12, 6) NOT NULL CHECK (fte >= 0),
    start_date          date NOT NULL,
    end_date            date CHECK (end_date IS NULL OR end_date >= start_date),
    import_id           bigint REFERENCES nwrs_imports (id),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_pcn_idx ON staff (pcn_code, start_date);
CREATE INDEX staff_open_nwrs_idx ON staff (pcn_code, source, unique_identifier, staff_role, detailed_role)
    WHERE end_date IS NULL;
