-- Issue 15: need and fair comparison (PLANNING.md, "Need and fair comparison").
-- need(p) = Σ member practices Σ age-sex bands patients × age-sex weight × deprivation
-- factor, normalised so that Σ need over PCNs = Σ their lists. The weights and factors
-- are reference data with their published source, loaded by `arrs seed reference` and
-- editable by admins (each change audited; the data version moves, so every cached page
-- is worked out again).

-- Age-sex weights, one row per published age band: [age_from, age_to] in whole years,
-- age_to NULL for the open top band. The bands are contiguous from 0 (checked by the
-- store when it reads them); the practices' 5-year bands are mapped onto them.
-- Each band is a whole number of NHS England's 5-year bands (from a multiple of 5 to the
-- year before one, the open band from 95 or below: workforce.NeedWeights.Check).
CREATE TABLE need_age_weights (
    label    text PRIMARY KEY CHECK (length(label) BETWEEN 1 AND 40),
    age_from integer NOT NULL UNIQUE CHECK (age_from BETWEEN 0 AND 120 AND age_from % 5 = 0),
    age_to   integer CHECK (age_to IS NULL OR (age_to >= age_from AND (age_to + 1) % 5 = 0)),
    male     numeric(8, 4) NOT NULL CHECK (male > 0 AND male <= 100),
    female   numeric(8, 4) NOT NULL CHECK (female > 0 AND female <= 100),
    CHECK (age_to IS NOT NULL OR age_from <= 95)
);

-- Deprivation factors by national quintile of practice deprivation score (1 = least
-- deprived fifth of patients, 5 = most deprived).
CREATE TABLE need_deprivation_factors (
    quintile integer PRIMARY KEY CHECK (quintile BETWEEN 1 AND 5),
    factor   numeric(8, 4) NOT NULL CHECK (factor > 0 AND factor <= 100)
);

-- Where each set of figures comes from, shown wherever they are used.
CREATE TABLE need_sources (
    kind       text PRIMARY KEY CHECK (kind IN ('age_sex', 'deprivation')),
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    citation   text NOT NULL CHECK (length(citation) BETWEEN 1 AND 1000),
    url        text NOT NULL DEFAULT '' CHECK (length(url) <= 500),
    note       text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    updated_by text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1 CHECK (version > 0)
);

-- A custom peer group for one PCN, saved by a lead of the PCN's ICB (or an admin): it
-- replaces the 10 most similar networks wherever the PCN's peers are shown.
CREATE TABLE peer_groups (
    pcn_code text PRIMARY KEY REFERENCES pcns (code),
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now(),
    version  integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE TABLE peer_group_members (
    pcn_code  text NOT NULL REFERENCES peer_groups (pcn_code) ON DELETE CASCADE,
    peer_code text NOT NULL REFERENCES pcns (code),
    PRIMARY KEY (pcn_code, peer_code),
    CHECK (peer_code <> pcn_code)
);

-- NHS England's 5-year age bands, in age order: a practice's list is published by sex in
-- these and ALL (the total of a sex, or of both).
CREATE FUNCTION practice_five_year_bands() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '{0_4, 5_9, 10_14, 15_19, 20_24, 25_29, 30_34, 35_39, 40_44, 45_49,
             50_54, 55_59, 60_64, 65_69, 70_74, 75_79, 80_84, 85_89, 90_94, 95+}'::text[]
$$;
ALTER TABLE practice_patients ADD CONSTRAINT practice_patients_age_band_check
    CHECK (age_band = 'ALL' OR age_band = ANY (practice_five_year_bands()));

-- Need reads every practice's score of the latest year present nationally: the latest
-- year, and that year's scores, straight from an index.
CREATE INDEX practice_deprivation_year_idx ON practice_deprivation (year) INCLUDE (practice_code, score);

-- Each practice's patients by sex and 5-year band at an extract, in one row: male and
-- female are the 20 counts of NHS England's 5-year bands in age order (0_4, 5_9, …
-- 90_94, 95+; 0 for a band with no row), each a 4-byte big-endian integer
-- (practice_band_counts reads them back as integer[]). A row is
-- there when the practice has any 5-year row at the extract. Need for England reads
-- these 6,200 rows rather than the 248,000 of practice_patients, and as bytes rather
-- than integer[]: sending 248,000 array elements took longer than the rest of the read
-- (BenchmarkNeedGather). Derived data: the triggers below keep it in step with every
-- statement that writes practice_patients, and nothing else writes it (no foreign key:
-- its practices are practice_patients', which has one).
CREATE TABLE practice_bands (
    extract       date NOT NULL,
    practice_code text NOT NULL,
    male          bytea NOT NULL CHECK (length(male) = 80),
    female        bytea NOT NULL CHECK (length(female) = 80),
    PRIMARY KEY (extract, practice_code)
);

-- practice_band_counts reads a sex's counts of practice_bands back as integer[].
CREATE FUNCTION practice_band_counts(bytes bytea) RETURNS integer[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_agg((get_byte(bytes, i) << 24) | (get_byte(bytes, i + 1) << 16) | (get_byte(bytes, i + 2) << 8)
                     | get_byte(bytes, i + 3) ORDER BY i)
    FROM generate_series(0, length(bytes) - 4, 4) i
$$;

-- practice_bands_refresh works the rows of practice_bands out again for the practices
-- and extracts given (pairs codes[i], extracts[i]; repeats allowed) from practice_patients.
-- Each 5-year row has a slot, 1 to 20 for men's bands in age order and 21 to 40 for
-- women's; male is int4send(Σ slot 1) || … || int4send(Σ slot 20), female the same of
-- 21 to 40 (the DO block writes the 40 terms out). The memory is for the sort of a whole
-- extract's rows (some 250,000) when a file is loaded.
DO $do$
DECLARE
    term text := 'int4send(coalesce(sum(p.patients) FILTER (WHERE p.slot = %s), 0)::integer)';
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION practice_bands_refresh(codes text[], extracts date[]) RETURNS void LANGUAGE sql
        SET work_mem = '64MB' AS $b$
            DELETE FROM practice_bands b USING unnest(codes, extracts) k (practice_code, extract)
            WHERE (b.practice_code, b.extract) = (k.practice_code, k.extract);
            INSERT INTO practice_bands (extract, practice_code, male, female)
            SELECT p.extract, p.practice_code, %s, %s
            FROM (SELECT DISTINCT * FROM unnest(codes, extracts)) k (practice_code, extract)
            CROSS JOIN LATERAL (
                SELECT extract, practice_code, patients,
                       array_position(practice_five_year_bands(), age_band) + CASE sex WHEN 'FEMALE' THEN 20 ELSE 0 END AS slot
                FROM practice_patients
                WHERE (practice_code, extract) = (k.practice_code, k.extract) AND sex IN ('MALE', 'FEMALE') AND age_band <> 'ALL'
                OFFSET 0) p -- slot worked out once a row, not in each of the 40 terms
            GROUP BY 1, 2
        $b$$f$,
        (SELECT string_agg(format(term, i), ' || ') FROM generate_series(1, 20) i),
        (SELECT string_agg(format(term, i), ' || ') FROM generate_series(21, 40) i));
END $do$;

-- practice_bands_sync refreshes the practices and extracts a statement on
-- practice_patients changed a 5-year row of (its transition tables old_rows and
-- new_rows), and empties practice_bands on TRUNCATE. Statement-level: one refresh per
-- statement, as the practice import writes (COPY to a work table, then one DELETE and
-- one INSERT of some 270,000 rows).
CREATE FUNCTION practice_bands_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    codes    text[] := '{}';
    extracts date[] := '{}';
    c text[];
    e date[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM practice_bands;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT coalesce(array_agg(practice_code), '{}'), coalesce(array_agg(extract), '{}') INTO c, e
        FROM (SELECT DISTINCT practice_code, extract FROM new_rows WHERE sex <> 'ALL' AND age_band <> 'ALL') n;
        codes := codes || c;
        extracts := extracts || e;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT coalesce(array_agg(practice_code), '{}'), coalesce(array_agg(extract), '{}') INTO c, e
        FROM (SELECT DISTINCT practice_code, extract FROM old_rows WHERE sex <> 'ALL' AND age_band <> 'ALL') o;
        codes := codes || c;
        extracts := extracts || e;
    END IF;
    IF cardinality(codes) > 0 THEN
        PERFORM practice_bands_refresh(codes, extracts);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER practice_patients_bands_insert AFTER INSERT ON practice_patients
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_bands_sync();
CREATE TRIGGER practice_patients_bands_update AFTER UPDATE ON practice_patients
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_bands_sync();
CREATE TRIGGER practice_patients_bands_delete AFTER DELETE ON practice_patients
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_bands_sync();
CREATE TRIGGER practice_patients_bands_truncate AFTER TRUNCATE ON practice_patients
    FOR EACH STATEMENT EXECUTE FUNCTION practice_bands_sync();

-- The practices' lists already loaded.
SELECT practice_bands_refresh(array_agg(practice_code), array_agg(extract))
FROM (SELECT DISTINCT practice_code, extract FROM practice_patients WHERE sex <> 'ALL' AND age_band <> 'ALL') k;

-- The published weights, factors and sources (docs/need.md), so that a database that
-- only migrates has need from the start; `arrs seed reference` fills only what is
-- missing from internal/refdata/data/need_*.csv (the same figures: store's
-- TestNeedWeightsAreTheReference).
INSERT INTO need_age_weights (label, age_from, age_to, male, female) VALUES
    ('0 to 4', 0, 4, 1.8800, 2.2748),
    ('5 to 14', 5, 14, 1.0000, 1.2100),
    ('15 to 24', 15, 24, 1.6500, 1.9965),
    ('25 to 44', 25, 44, 1.8800, 2.2748),
    ('45 to 64', 45, 64, 2.2200, 2.6862),
    ('65 to 74', 65, 74, 2.8900, 3.4969),
    ('75 and over', 75, NULL, 3.9700, 4.8037);
INSERT INTO need_deprivation_factors (quintile, factor) VALUES (1, 1.0000), (2, 1.0300), (3, 1.0600), (4, 1.1100), (5, 1.1800);
INSERT INTO need_sources (kind, title, citation, url, note) VALUES
    ('age_sex',
     'Mukhtar et al. 2018, consultation rate ratios by age and sex',
     'Mukhtar TK, Bankhead C, Stevens S, Perera R, Holt TA, Salisbury C, Hobbs FDR. Factors associated with consultation rates in general practice in England, 2013–2014: a cross-sectional study. Br J Gen Pract 2018;68(670):e370–e377. doi:10.3399/bjgp18X695981. Table 3, "All consultations" (multivariate multilevel negative-binomial model; CPRD, 304,937 patients in 316 practices).',
     'https://doi.org/10.3399/bjgp18X695981',
     'Consultation rate ratios by age (reference 5 to 14): 0 to 4 1.88, 5 to 14 1.00, 15 to 24 1.65, 25 to 44 1.88, 45 to 64 2.22, 65 to 74 2.89, 75 and over 3.97; women 1.21 times men. The model has a log link, so a patient''s weight is the age rate ratio times the sex rate ratio: a man''s weight is the age rate ratio, a woman''s the age rate ratio × 1.21 (4 decimal places). Transcribed from Table 3 as given in the open-source praqtis pipeline (github.com/efejiroe/praqtis, src/compute_funnel.R); the most deprived quintile''s 1.18 and the directions of age and sex are confirmed by the paper''s abstract (PubMed 29686130). Check against the paper''s Table 3 before relying on small differences. Weights are relative: need is normalised so that England''s need equals England''s list.'),
    ('deprivation',
     'Mukhtar et al. 2018, consultation rate ratios by deprivation quintile',
     'Mukhtar TK, Bankhead C, Stevens S, Perera R, Holt TA, Salisbury C, Hobbs FDR. Factors associated with consultation rates in general practice in England, 2013–2014: a cross-sectional study. Br J Gen Pract 2018;68(670):e370–e377. doi:10.3399/bjgp18X695981. Table 3, "All consultations" (multivariate multilevel negative-binomial model; CPRD, 304,937 patients in 316 practices).',
     'https://doi.org/10.3399/bjgp18X695981',
     'Consultation rate ratios by national quintile of practice deprivation score, IMD 2019 (quintile 1, the least deprived fifth of patients, is the reference): 1.00, 1.03, 1.06, 1.11, 1.18. Quintiles are patient-weighted over every practice in England with a score and a list. Transcribed from Table 3 as given in the open-source praqtis pipeline (github.com/efejiroe/praqtis, src/compute_funnel.R); the most deprived quintile''s 1.18 and the directions of age and sex are confirmed by the paper''s abstract (PubMed 29686130). Check against the paper''s Table 3 before relying on small differences. Weights are relative: need is normalised so that England''s need equals England''s list.');

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['need_age_weights', 'need_deprivation_factors', 'need_sources',
        'peer_groups', 'peer_group_members', 'practice_bands']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
    END LOOP;
END $$;

