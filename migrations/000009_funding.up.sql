-- Role caps kept by admins (issue 6, /admin/caps). Each cap gets an id, the stable
-- address of its change form, and a version for optimistic locking: a change or a
-- removal naming a stale version is refused rather than silently undoing another
-- admin's. The key stays (role_code, variant, effective_from): one cap of a role and
-- variant per date. Every change is audited (action cap.create / cap.update /
-- cap.delete), and role_caps already bumps the data version (000004), so cached
-- funding figures follow an edited cap at once.
ALTER TABLE role_caps
    ADD COLUMN id      bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE role_caps ADD CONSTRAINT role_caps_id_key UNIQUE (id);
