-- Users, their grants, sessions (alexedwards/scs pgxstore), sign-in throttling and the
-- audit trail.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name          text NOT NULL CHECK (name <> ''),
    password_hash text NOT NULL DEFAULT '',  -- argon2id PHC string; '' = single sign-on only
    oidc_subject  text,                      -- the identity provider's "sub", once linked
    active        boolean NOT NULL DEFAULT true,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_idx ON users (email);
CREATE UNIQUE INDEX users_oidc_idx ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A user may hold several grants: pcn_manager and clinical_director name a PCN,
-- icb_lead an ICB (all its PCNs), admin no organisation.
CREATE TABLE user_grants (
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     text NOT NULL CHECK (role IN ('pcn_manager', 'clinical_director', 'icb_lead', 'admin')),
    org_code text NOT NULL DEFAULT '',
    CHECK ((role = 'admin') = (org_code = '')),
    PRIMARY KEY (user_id, role, org_code)
);

CREATE TABLE sessions (
    token  text PRIMARY KEY,
    data   bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- Failed sign-ins, by key ('ip:…' or 'account:…'), for rate limiting that holds across
-- every instance of the server.
CREATE TABLE login_failures (
    key text NOT NULL,
    at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_idx ON login_failures (key, at);

-- Append-only: who changed what, when, with the record before and after. Written in
-- the same transaction as the change it records.
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    user_id    bigint REFERENCES users (id),
    actor      text NOT NULL,             -- the user's email, or 'cli' for the command line
    action     text NOT NULL,             -- e.g. 'nwrs.import', 'user.create'
    entity     text NOT NULL,             -- e.g. 'nwrs_import', 'user'
    entity_id  text NOT NULL DEFAULT '',
    pcn_code   text NOT NULL DEFAULT '',  -- for filtering by PCN; '' when not about one PCN
    icb_code   text NOT NULL DEFAULT '',
    before     jsonb,
    after      jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_pcn_idx ON audit_log (pcn_code, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
