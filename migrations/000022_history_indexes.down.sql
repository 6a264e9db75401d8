DROP INDEX audit_log_actor_idx;
DROP INDEX audit_log_action_idx;
CREATE INDEX staff_pcn_idx ON staff (pcn_code);
DROP INDEX staff_pcn_end_idx;
