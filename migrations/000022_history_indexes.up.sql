-- Issue 17: reads that stay the same price as years of censuses pile up.
--
-- A PCN's records are read by PCN and "in post on or after a day" (end_date IS NULL
-- OR end_date > d): one index on (pcn_code, end_date) serves both, and replaces the
-- PCN-only index, so an import maintains no more indexes than before.
CREATE INDEX staff_pcn_end_idx ON staff (pcn_code, end_date);
DROP INDEX staff_pcn_idx;

-- The audit trail grows by a million rows in five years. The newest entries of one
-- action (the need weights' changes) or one actor (the audit page's filter) are read
-- from the top of an index, not by walking the whole trail in time order.
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC, id DESC);
