-- Organisations over time (issue 12; PLANNING.md, "Organisations over time"). The
-- hierarchy is effective-dated: a PCN sits in one sub-ICB location and ICB, a sub-ICB
-- location in one ICB, and a practice in one PCN (or none), each for a span of days
-- [valid_from, valid_to). The columns that held one fixed place (pcns.sub_icb_code,
-- pcns.icb_code, sub_icbs.icb_code) move into those spans, so there is one truth.
-- The November 2025 structure is taken to hold from 1 July 2019, when PCNs began: the
-- planner knows no earlier one.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- An ICB exists from opened (NULL: before anything the planner knows) until the day it
-- is dissolved, closed (its first day out of force; NULL: still in force).
ALTER TABLE icbs ADD COLUMN opened date, ADD COLUMN closed date,
    ADD CONSTRAINT icbs_open_before_closed CHECK (opened IS NULL OR closed IS NULL OR opened < closed);

-- An ICB dissolved on a day hands its footprint to one or more successors (Frimley:
-- three). Each row names one successor.
CREATE TABLE icb_successions (
    old_code  text NOT NULL REFERENCES icbs (code),
    new_code  text NOT NULL REFERENCES icbs (code),
    effective date NOT NULL,
    PRIMARY KEY (old_code, new_code),
    CHECK (old_code <> new_code)
);

CREATE TABLE sub_icb_spans (
    sub_icb_code text NOT NULL REFERENCES sub_icbs (code),
    icb_code     text NOT NULL REFERENCES icbs (code),
    valid_from   date NOT NULL,
    valid_to     date CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (sub_icb_code, valid_from),
    EXCLUDE USING gist (sub_icb_code WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX sub_icb_spans_icb_idx ON sub_icb_spans (icb_code);

-- source: 'reference' (the published lists), 'change' (an organisations change folder)
-- or 'nwrs' (a census that placed the PCN differently from the structure in force).
CREATE TABLE pcn_spans (
    pcn_code     text NOT NULL REFERENCES pcns (code),
    sub_icb_code text REFERENCES sub_icbs (code),
    icb_code     text NOT NULL REFERENCES icbs (code),
    valid_from   date NOT NULL,
    valid_to     date CHECK (valid_to IS NULL OR valid_to > valid_from),
    source       text NOT NULL CHECK (source IN ('reference', 'change', 'nwrs')),
    PRIMARY KEY (pcn_code, valid_from),
    EXCLUDE USING gist (pcn_code WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX pcn_spans_icb_idx ON pcn_spans (icb_code);

INSERT INTO sub_icb_spans (sub_icb_code, icb_code, valid_from)
SELECT code, icb_code, date '2019-07-01' FROM sub_icbs;
INSERT INTO pcn_spans (pcn_code, sub_icb_code, icb_code, valid_from, source)
SELECT code, sub_icb_code, icb_code, date '2019-07-01', origin FROM pcns;

ALTER TABLE pcns DROP COLUMN sub_icb_code, DROP COLUMN icb_code;
ALTER TABLE sub_icbs DROP COLUMN icb_code;

-- The PCNs of an ICB today in England, or, for an ICB dissolved by today, on its last
-- day: what an ICB's lists of staff, sites, supervisors and plans hold.
CREATE FUNCTION icb_pcns_today(icb text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT s.pcn_code
    FROM icbs i
    CROSS JOIN LATERAL (SELECT CASE WHEN i.closed IS NOT NULL AND i.closed <= (now() AT TIME ZONE 'Europe/London')::date
                              THEN i.closed - 1 ELSE (now() AT TIME ZONE 'Europe/London')::date END AS day) d
    JOIN pcn_spans s ON s.icb_code = i.code AND s.valid_from <= d.day AND (s.valid_to IS NULL OR d.day < s.valid_to)
    WHERE i.code = icb
$$;

-- GP practices and their membership of PCNs over time. pcn_code NULL: in no PCN. A
-- practice's own sub-ICB and ICB are kept: 23 PCNs have practices in two ICBs.
CREATE TABLE practices (
    code     text PRIMARY KEY,
    name     text NOT NULL,
    postcode text NOT NULL DEFAULT ''
);

CREATE TABLE practice_spans (
    practice_code text NOT NULL REFERENCES practices (code),
    pcn_code      text REFERENCES pcns (code),
    sub_icb_code  text NOT NULL REFERENCES sub_icbs (code),
    icb_code      text NOT NULL REFERENCES icbs (code),
    valid_from    date NOT NULL,
    valid_to      date CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (practice_code, valid_from),
    EXCLUDE USING gist (practice_code WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX practice_spans_pcn_idx ON practice_spans (pcn_code);

-- Patients registered at a practice on a publication's extract date, by sex and 5-year
-- age band; ('ALL', 'ALL') is the published total.
CREATE TABLE practice_patients (
    practice_code text NOT NULL REFERENCES practices (code),
    extract       date NOT NULL,
    sex           text NOT NULL CHECK (sex IN ('ALL', 'MALE', 'FEMALE')),
    age_band      text NOT NULL,
    patients      integer NOT NULL CHECK (patients >= 0),
    PRIMARY KEY (practice_code, extract, sex, age_band)
);
-- Lists on a day read every practice's total of one extract: a covering index.
CREATE INDEX practice_patients_totals_idx ON practice_patients (extract) INCLUDE (practice_code, patients)
    WHERE sex = 'ALL' AND age_band = 'ALL';

CREATE TABLE practice_deprivation (
    practice_code text NOT NULL REFERENCES practices (code),
    year          integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    score         numeric(8, 4) NOT NULL CHECK (score >= 0),
    source        text NOT NULL,
    PRIMARY KEY (practice_code, year)
);

-- Every practice and organisations file loaded, to make a repeat a no-op.
CREATE TABLE org_imports (
    id          bigserial PRIMARY KEY,
    imported_at timestamptz NOT NULL DEFAULT now(),
    kind        text NOT NULL,          -- practice file kind, or 'organisations'
    file_name   text NOT NULL,
    sha256      text NOT NULL,
    effective   date,                   -- extract date or change day
    rows        integer NOT NULL,
    imported_by text NOT NULL DEFAULT '',
    UNIQUE (kind, sha256)
);

-- The problems of the hierarchy, none when it is whole: every span's ICB exists on
-- each of its days, and a PCN's (or practice's) sub-ICB location lies in its ICB on
-- every day of its span. Every import that writes the hierarchy runs it and refuses to
-- commit while it returns a row.
CREATE FUNCTION org_problems() RETURNS TABLE (problem text) LANGUAGE sql STABLE AS $$
    (SELECT format('PCN %s: from %s its sub-ICB location %s is in ICB %s, not %s',
                   p.pcn_code, greatest(p.valid_from, s.valid_from), p.sub_icb_code, s.icb_code, p.icb_code)
     FROM pcn_spans p JOIN sub_icb_spans s ON s.sub_icb_code = p.sub_icb_code
      AND daterange(p.valid_from, p.valid_to) && daterange(s.valid_from, s.valid_to)
     WHERE s.icb_code <> p.icb_code ORDER BY 1 LIMIT 20)
    UNION ALL
    (SELECT format('PCN %s: its sub-ICB location %s has no ICB on some day from %s',
                   p.pcn_code, p.sub_icb_code, p.valid_from)
     FROM pcn_spans p
     WHERE p.sub_icb_code IS NOT NULL AND NOT coalesce((
         SELECT range_agg(daterange(s.valid_from, s.valid_to)) FROM sub_icb_spans s
         WHERE s.sub_icb_code = p.sub_icb_code) @> daterange(p.valid_from, p.valid_to), false)
     ORDER BY 1 LIMIT 20)
    UNION ALL
    (SELECT format('practice %s: from %s its sub-ICB location %s is in ICB %s, not %s',
                   p.practice_code, greatest(p.valid_from, s.valid_from), p.sub_icb_code, s.icb_code, p.icb_code)
     FROM practice_spans p JOIN sub_icb_spans s ON s.sub_icb_code = p.sub_icb_code
      AND daterange(p.valid_from, p.valid_to) && daterange(s.valid_from, s.valid_to)
     WHERE s.icb_code <> p.icb_code ORDER BY 1 LIMIT 20)
    UNION ALL
    (SELECT format('%s %s is in ICB %s from %s, on days when that ICB does not exist (%s to %s)',
                   x.kind, x.code, x.icb_code, x.valid_from, coalesce(i.opened::text, 'the start'), coalesce(i.closed::text, 'today'))
     FROM (SELECT 'PCN' AS kind, pcn_code AS code, icb_code, valid_from, valid_to FROM pcn_spans
           UNION ALL SELECT 'sub-ICB location', sub_icb_code, icb_code, valid_from, valid_to FROM sub_icb_spans
           UNION ALL SELECT 'practice', practice_code, icb_code, valid_from, valid_to FROM practice_spans) x
     JOIN icbs i ON i.code = x.icb_code
     WHERE NOT daterange(i.opened, i.closed) @> daterange(x.valid_from, x.valid_to)
     ORDER BY 1 LIMIT 20)
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['icb_successions', 'sub_icb_spans', 'pcn_spans', 'practices', 'practice_spans',
                             'practice_patients', 'practice_deprivation', 'org_imports'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON icb_successions, sub_icb_spans, pcn_spans, practices, practice_spans,
    practice_patients, practice_deprivation, org_imports TO arrs_app;
GRANT USAGE ON SEQUENCE org_imports_id_seq TO arrs_app;
