-- Supervision, rooms and supply (issue 6; PLANNING.md, "Supervision and rooms";
-- DOMAIN.md, "Supervision"): the people who supervise a PCN's staff and the links
-- between them, the PCN's sites with the room sessions it can book, and the supply of
-- each role an ICB lead expects by financial year. Every table has a version for
-- optimistic locking: a save naming a stale version is refused.

-- A supervisor: a GP or senior clinician of the PCN's practices, who need not be a
-- staff record (GPs are not ARRS staff). fte is their working time, for the trainee
-- ratio (at most 4 trainees per full-time supervisor, pro rata); hours available is what
-- they can give to supervision a month. A full-time month is 37.5 × 52 ÷ 12 = 162.5
-- hours, so fte 2 bounds hours at 325.
CREATE TABLE supervisors (
    id                        bigserial PRIMARY KEY,
    pcn_code                  text NOT NULL REFERENCES pcns (code),
    name                      text NOT NULL CHECK (name <> ''),
    profession                text NOT NULL DEFAULT '',
    fte                       numeric(8, 6) NOT NULL CHECK (fte > 0 AND fte <= 2),
    hours_available_per_month numeric(8, 2) NOT NULL CHECK (hours_available_per_month >= 0
                                                            AND hours_available_per_month <= 325),
    -- false once they no longer supervise; kept for the history of their links.
    active                    boolean NOT NULL DEFAULT true,
    version                   integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (id, pcn_code)
);
CREATE INDEX supervisors_pcn_idx ON supervisors (pcn_code);

-- A supervision link joins a supervisee (a staff record) to a supervisor of the same
-- PCN for a span of days: in force on day d when start_date ≤ d and (no end_date or
-- d < end_date), as staff are in post. kind is one of the three kinds NHS England's
-- guidance names. pcn_code is the supervisor's and the supervisee's PCN: the composite
-- key holds the supervisor to it, and a trigger the supervisee.
CREATE TABLE supervision_links (
    id              bigserial PRIMARY KEY,
    pcn_code        text NOT NULL,
    staff_id        bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    supervisor_id   bigint NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('clinical', 'clinic_practice', 'educational')),
    hours_per_month numeric(8, 2) NOT NULL CHECK (hours_per_month >= 0 AND hours_per_month <= 80),
    start_date      date NOT NULL,
    end_date        date CHECK (end_date IS NULL OR end_date > start_date),
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    FOREIGN KEY (supervisor_id, pcn_code) REFERENCES supervisors (id, pcn_code)
);
CREATE INDEX supervision_links_pcn_idx ON supervision_links (pcn_code);
CREATE INDEX supervision_links_supervisor_idx ON supervision_links (supervisor_id);
CREATE INDEX supervision_links_staff_idx ON supervision_links (staff_id);

CREATE FUNCTION supervision_link_same_pcn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM staff WHERE id = NEW.staff_id AND pcn_code = NEW.pcn_code) THEN
        RAISE EXCEPTION 'staff record % is not of PCN %', NEW.staff_id, NEW.pcn_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER supervision_links_same_pcn BEFORE INSERT OR UPDATE OF staff_id, pcn_code ON supervision_links
    FOR EACH ROW EXECUTE FUNCTION supervision_link_same_pcn();

-- A site of the network with the room sessions a week the PCN can book there (a room
-- for a morning or an afternoon is one session). 300 is 30 rooms all week.
CREATE TABLE sites (
    id                         bigserial PRIMARY KEY,
    pcn_code                   text NOT NULL REFERENCES pcns (code),
    name                       text NOT NULL CHECK (name <> ''),
    bookable_sessions_per_week numeric(8, 2) NOT NULL CHECK (bookable_sessions_per_week >= 0
                                                              AND bookable_sessions_per_week <= 300),
    version                    integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (pcn_code, name)
);

-- The FTE of a role an ICB lead expects to be available to the ICB's PCNs in a
-- financial year ('2026/27'): newly qualified, trainees completing their training, and
-- experienced staff moving in.
CREATE TABLE expected_supply (
    icb_code                text NOT NULL REFERENCES icbs (code),
    role_code               text NOT NULL REFERENCES roles (code),
    financial_year          text NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
    newly_qualified_fte     numeric(12, 6) NOT NULL DEFAULT 0 CHECK (newly_qualified_fte >= 0 AND newly_qualified_fte <= 1000),
    trainees_completing_fte numeric(12, 6) NOT NULL DEFAULT 0 CHECK (trainees_completing_fte >= 0 AND trainees_completing_fte <= 1000),
    movers_fte              numeric(12, 6) NOT NULL DEFAULT 0 CHECK (movers_fte >= 0 AND movers_fte <= 1000),
    version                 integer NOT NULL DEFAULT 1 CHECK (version > 0),
    PRIMARY KEY (icb_code, role_code, financial_year)
);

-- The pages read them: bump the data version like every table behind a page
-- (000004_data_version).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['supervisors', 'supervision_links', 'sites', 'expected_supply']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
    END LOOP;
END $$;
