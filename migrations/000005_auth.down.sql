DROP TABLE audit_log, login_failures, sessions, user_grants, users;
DROP FUNCTION audit_log_append_only();
