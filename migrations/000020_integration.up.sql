-- Integration of every ARRS role and an anonymous pulse (issue 16; docs/integration.md).
--
-- An integration record per staff record: where they are based, induction, records
-- access, admin support, appraisal, development step and the service they are here to
-- deliver. The named clinical supervisor is not stored here: it is the staff record's
-- clinical supervision link (migration 000008), never typed twice.
--
-- The pulse: a round of a PCN, its single-use links and its answers. An answer holds
-- its round, PCN and role group and nothing else: no link, no staff record, no time
-- (the round gives the dates). The links hold their round and role group only, never
-- a staff record; a link is deleted as it is used, the rest when the round is sealed,
-- when the answers are also rewritten in a random order under new random ids
-- (store.SealPulseRounds).

-- The services a member of staff is here to deliver: a short reference list admins edit.
CREATE TABLE integration_services (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    name     text NOT NULL CHECK (name <> '' AND length(name) <= 100),
    position integer NOT NULL CHECK (position >= 0),
    active   boolean NOT NULL DEFAULT true,
    version  integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
INSERT INTO integration_services (code, name, position) VALUES
    ('structured_medication_reviews', 'Structured medication reviews', 1),
    ('care_homes', 'Care homes', 2),
    ('anticipatory_care', 'Anticipatory care', 3),
    ('msk_first_contact', 'MSK first contact', 4),
    ('social_prescribing', 'Social prescribing', 5),
    ('long_term_conditions', 'Long-term conditions', 6),
    ('same_day_access', 'Same-day access', 7),
    ('other', 'Other', 8);

-- One record per staff record, written by the PCN's managers (optimistic locking and
-- an audit entry per change, as staff records). practice_codes are member practices of
-- the PCN (checked by the store on save: membership changes over time, so no key).
-- Dates are the days a thing was done; next_appraisal_due may be ahead.
CREATE TABLE integration_records (
    staff_id           bigint PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    pcn_code           text NOT NULL,
    practice_codes     text[] NOT NULL DEFAULT '{}' CHECK (cardinality(practice_codes) <= 30),
    induction_on       date,
    records_access_on  date,
    admin_support      text NOT NULL DEFAULT '' CHECK (length(admin_support) <= 200),
    last_appraisal_on  date,
    next_appraisal_due date,
    development_step   text NOT NULL DEFAULT '' CHECK (length(development_step) <= 500),
    roadmap_stage      text NOT NULL DEFAULT '' CHECK (length(roadmap_stage) <= 60),
    service_code       text REFERENCES integration_services (code),
    version            integer NOT NULL DEFAULT 1 CHECK (version > 0),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text NOT NULL
);
CREATE INDEX integration_records_pcn_idx ON integration_records (pcn_code);

CREATE FUNCTION integration_record_same_pcn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM staff WHERE id = NEW.staff_id AND pcn_code = NEW.pcn_code) THEN
        RAISE EXCEPTION 'staff record % is not of PCN %', NEW.staff_id, NEW.pcn_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER integration_records_same_pcn BEFORE INSERT OR UPDATE OF staff_id, pcn_code ON integration_records
    FOR EACH ROW EXECUTE FUNCTION integration_record_same_pcn();

-- A round of the pulse for one PCN. Open from opened_on until closed_on (set when a
-- manager closes it, or to closes_on when the day passes); sealed once its links are
-- deleted and its answers shuffled. At most one round of a PCN is open at once, and a
-- round stays open at least 7 days (workforce.MinPulseRoundDays): rounds opened and
-- closed within minutes would let whoever holds the links time answers and retry.
-- questions keeps the wording asked, so that a later change does not break the trend.
CREATE TABLE pulse_rounds (
    id           bigserial PRIMARY KEY,
    pcn_code     text NOT NULL REFERENCES pcns (code),
    opened_on    date NOT NULL,
    closes_on    date NOT NULL CHECK (closes_on >= opened_on + 7 AND closes_on <= opened_on + 56),
    closed_on    date CHECK (closed_on >= opened_on + 7),
    questions    text[] NOT NULL CHECK (cardinality(questions) = 4),
    links_issued integer NOT NULL CHECK (links_issued > 0 AND links_issued <= 2000),
    opened_by    text NOT NULL,
    sealed       boolean NOT NULL DEFAULT false,
    version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (NOT sealed OR closed_on IS NOT NULL)
);
CREATE INDEX pulse_rounds_pcn_idx ON pulse_rounds (pcn_code, opened_on);
CREATE UNIQUE INDEX pulse_rounds_one_open_idx ON pulse_rounds (pcn_code) WHERE closed_on IS NULL;
CREATE INDEX pulse_rounds_unsealed_idx ON pulse_rounds (closes_on) WHERE NOT sealed;

-- A single-use link: its token (the secret in the address), round and role group.
-- No staff record, no time, no "used" mark: a link is deleted as its answer is stored,
-- so no row left for a query to read shares anything with the answer (a used link and
-- an unknown one are alike: gone). links_issued less the links left is how many were used.
CREATE TABLE pulse_links (
    token      text PRIMARY KEY CHECK (token ~ '^[a-z2-7]{26}$'),
    round_id   bigint NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    role_group text NOT NULL CHECK (role_group ~ '^[a-z_]{1,40}$')
);
CREATE INDEX pulse_links_round_idx ON pulse_links (round_id);

-- An answer: round, PCN and role group only. The id is random (not a sequence that
-- would give the order of answering); no column holds a time.
CREATE TABLE pulse_answers (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id     bigint NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    pcn_code     text NOT NULL,
    role_group   text NOT NULL CHECK (role_group ~ '^[a-z_]{1,40}$'),
    autonomy     smallint NOT NULL CHECK (autonomy BETWEEN 1 AND 5),
    belonging    smallint NOT NULL CHECK (belonging BETWEEN 1 AND 5),
    contribution smallint NOT NULL CHECK (contribution BETWEEN 1 AND 5),
    staying      smallint NOT NULL CHECK (staying BETWEEN 1 AND 5),
    comment      text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000)
);
CREATE INDEX pulse_answers_round_idx ON pulse_answers (round_id);

-- Cached figures (the dashboard's and the comparison's counts) follow the records and
-- the rounds. pulse_rounds' trigger is per row: pages seal rounds past their day with an
-- UPDATE that usually touches none, which must not move the version every time. An
-- answer moves nothing: results are shown only once a round closes, which does.
CREATE TRIGGER integration_records_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON integration_records
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER integration_services_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON integration_services
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER pulse_rounds_data_version AFTER INSERT OR UPDATE OR DELETE ON pulse_rounds
    FOR EACH ROW EXECUTE FUNCTION bump_data_version();
