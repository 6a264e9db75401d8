ALTER TABLE role_caps
    DROP CONSTRAINT role_caps_id_key,
    DROP COLUMN version,
    DROP COLUMN id;
