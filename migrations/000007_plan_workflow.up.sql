-- The sign-off workflow of recruitment plans (issue 5): who moved each version, when
-- and with what comment, and a status for a version taken out of review.
--
-- superseded: a version that was still waiting for sign-off or review when a newer
-- version of the same PCN was submitted (or when it was returned while the PCN already
-- had a newer draft). It is read-only (plan_lines_editable allows only draft and
-- returned), kept for the history, and never the current plan.
ALTER TABLE plans DROP CONSTRAINT plans_status_check;
ALTER TABLE plans ADD CONSTRAINT plans_status_check
    CHECK (status IN ('draft', 'submitted', 'signed_off', 'accepted', 'returned', 'superseded'));

-- One row per step of a version's life: created, saved, uploaded, and each move of
-- the sign-off. The plans row keeps only the latest submission, sign-off and review;
-- a plan returned and submitted again keeps every step here.
CREATE TABLE plan_events (
    id          bigserial PRIMARY KEY,
    plan_id     bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    action      text NOT NULL CHECK (action IN ('create', 'save', 'upload', 'submit', 'sign_off',
                                                'accept', 'return', 'supersede')),
    from_status text NOT NULL DEFAULT '',  -- '' for a creation
    to_status   text NOT NULL,
    version     integer NOT NULL,          -- the plan's version after the step
    user_id     bigint REFERENCES users (id),
    actor       text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    comment     text NOT NULL DEFAULT ''
);
CREATE INDEX plan_events_plan_idx ON plan_events (plan_id, id);
