-- Accounts (issue 9, "Sign-in and accounts").

-- Demo accounts: made by `arrs seed demo` with its published password, the only
-- accounts whose password skips the policy. The server warns loudly while one is
-- active in production. Accounts seeded before this flag existed are the
-- @example.nhs.uk ones; a new password clears the flag.
ALTER TABLE users ADD COLUMN demo boolean NOT NULL DEFAULT false;
UPDATE users SET demo = true WHERE email LIKE '%@example.nhs.uk';

-- No one both manages and directs a PCN: the clinical director signs off the plan the
-- manager writes. Grants that broke the rule before it existed lose the director
-- grant (the person keeps managing), and the audit trail says so.
WITH dropped AS (
    DELETE FROM user_grants d
    USING user_grants m
    WHERE d.role = 'clinical_director' AND m.role = 'pcn_manager'
      AND m.user_id = d.user_id AND m.org_code = d.org_code
    RETURNING d.user_id, d.org_code
)
INSERT INTO audit_log (actor, action, entity, entity_id, pcn_code, before)
SELECT 'migration 000010', 'user.grant_remove', 'user', user_id::text, org_code,
       jsonb_build_object('grants', 'clinical_director ' || org_code)
FROM dropped;

-- One row per user and PCN among the manager and director grants: a second role for
-- the same PCN is a unique violation, which holds under concurrent changes.
CREATE UNIQUE INDEX user_grants_manager_or_director ON user_grants (user_id, org_code)
    WHERE role IN ('pcn_manager', 'clinical_director');
