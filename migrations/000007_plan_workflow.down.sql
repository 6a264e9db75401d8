DROP TABLE plan_events;
-- A superseded version goes back to submitted, the nearest status the old rule knows:
-- it is read-only either way.
UPDATE plans SET status = 'submitted' WHERE status = 'superseded';
ALTER TABLE plans DROP CONSTRAINT plans_status_check;
ALTER TABLE plans ADD CONSTRAINT plans_status_check
    CHECK (status IN ('draft', 'submitted', 'signed_off', 'accepted', 'returned'));
