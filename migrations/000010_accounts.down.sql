-- Director grants removed by the up migration are not restored: the audit trail
-- lists them (action user.grant_remove, actor 'migration 000010').
DROP INDEX user_grants_manager_or_director;
ALTER TABLE users DROP COLUMN demo;
