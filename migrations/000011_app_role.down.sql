-- Takes arrs_app's grants in this database back, default privileges included (it owns
-- nothing, so DROP OWNED only revokes). The role itself stays: roles belong to the
-- whole cluster, and other databases on it may still use it.
DROP OWNED BY arrs_app;
