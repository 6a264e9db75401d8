-- The role the app works as (issue 9): the server and the command line connect with
-- DATABASE_URL's user, who migrates and owns the schema, then switch every connection
-- to arrs_app with SET ROLE (store.Open). arrs_app owns nothing, so it cannot ALTER a
-- table, DISABLE TRIGGER or DROP anything; it may read and write the app's tables, and
-- only read and append to the audit trail, so the append-only rule holds even if the
-- trigger that enforces it were gone.
--
-- Roles belong to the whole cluster, grants to each database: the role is created only
-- if another database on the same server has not created it already.
DO $$
BEGIN
    CREATE ROLE arrs_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;

-- SET ROLE needs membership: the migrating user becomes a member of arrs_app.
GRANT arrs_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO arrs_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO arrs_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO arrs_app;

-- The audit trail and the two histories (a staff record's every version, a plan's
-- every move): read and append only. The migrations' bookkeeping: none (the app
-- migrates with the owner's connection, never as arrs_app). The app truncates nothing.
REVOKE UPDATE, DELETE ON audit_log, staff_history, plan_events FROM arrs_app;
REVOKE ALL ON schema_migrations FROM arrs_app;

-- Tables and sequences that later migrations create (run by the same owner) get the
-- same grants; a later migration that wants less for a table revokes it there.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO arrs_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO arrs_app;
