-- Issue 13: the admin's home lists active accounts that have never signed in, asking
-- the audit trail for each user's sign-ins; a partial index keeps that from scanning
-- the whole trail as it grows.
CREATE INDEX audit_log_sign_in_idx ON audit_log (user_id) WHERE action = 'session.sign_in';
