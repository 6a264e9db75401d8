-- Recruitment plans and the planning inputs entered per PCN (PLANNING.md, "Projection"
-- and "Targets and fair shares").
--
-- A plan is one version of a PCN's recruitment plan. The PCN edits at most one version
-- at a time (a draft, or a plan the ICB returned); once submitted, a version's lines are
-- read-only, and the next edit starts a new draft. The current plan of a PCN is its
-- latest accepted version, else its latest submitted (or signed-off) one, else its draft.
CREATE TABLE plans (
    id            bigserial PRIMARY KEY,
    pcn_code      text NOT NULL REFERENCES pcns (code),
    -- draft → submitted (PCN manager) → signed_off (clinical director) → accepted or
    -- returned (ICB lead); a returned plan is edited again and resubmitted.
    status        text NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'signed_off', 'accepted', 'returned')),
    -- Optimistic locking: every write bumps it; an update naming a stale version fails.
    version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
    comment       text NOT NULL DEFAULT '',  -- the reviewer's comment on return or acceptance
    created_by    text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    submitted_by  text,
    signed_off_at timestamptz,
    signed_off_by text,
    reviewed_at   timestamptz,   -- accepted or returned
    reviewed_by   text
);
CREATE INDEX plans_pcn_idx ON plans (pcn_code, id);
CREATE UNIQUE INDEX plans_one_editable ON plans (pcn_code) WHERE status IN ('draft', 'returned');

-- A plan line: FTE starting and leaving in a role in the quarter that starts on
-- quarter_start (1 April, 1 July, 1 October or 1 January).
CREATE TABLE plan_lines (
    plan_id           bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    role_code         text NOT NULL REFERENCES roles (code),
    quarter_start     date NOT NULL CHECK (extract(day FROM quarter_start) = 1
                                          AND extract(month FROM quarter_start) IN (1, 4, 7, 10)),
    starters_fte      numeric(12, 6) NOT NULL DEFAULT 0 CHECK (starters_fte >= 0),
    leavers_fte       numeric(12, 6) NOT NULL DEFAULT 0 CHECK (leavers_fte >= 0),
    -- Salary plus employer on-costs of one WTE for a year; NULL when not known.
    annual_cost_pence bigint CHECK (annual_cost_pence >= 0),
    PRIMARY KEY (plan_id, role_code, quarter_start)
);

-- Only an editable plan's lines change: a submitted, signed-off or accepted version is
-- the record of what was agreed. (Lines removed because their plan is deleted pass: the
-- plan row is already gone when the cascade reaches them.)
CREATE FUNCTION plan_lines_editable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s text;
BEGIN
    SELECT status INTO s FROM plans
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.plan_id ELSE NEW.plan_id END;
    IF s IS NOT NULL AND s NOT IN ('draft', 'returned') THEN
        RAISE EXCEPTION 'plan % is %: its lines are read-only', coalesce(NEW.plan_id, OLD.plan_id), s
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.plan_id <> OLD.plan_id THEN
        SELECT status INTO s FROM plans WHERE id = OLD.plan_id;
        IF s IS NOT NULL AND s NOT IN ('draft', 'returned') THEN
            RAISE EXCEPTION 'plan % is %: its lines are read-only', OLD.plan_id, s
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER plan_lines_editable BEFORE INSERT OR UPDATE OR DELETE ON plan_lines
    FOR EACH ROW EXECUTE FUNCTION plan_lines_editable();

-- Baseline FTE entered for a PCN against a target, on top of the staff in post on the
-- target's baseline date (PLANNING.md: "plus any baseline FTE entered for p (normally
-- 0)"): staff the NWRS data does not reach back to.
CREATE TABLE pcn_baselines (
    pcn_code     text NOT NULL REFERENCES pcns (code),
    target_id    bigint NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
    baseline_fte numeric(12, 6) NOT NULL CHECK (baseline_fte >= 0),
    PRIMARY KEY (pcn_code, target_id)
);
