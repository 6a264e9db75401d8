DROP INDEX audit_log_sign_in_idx;
