-- Admins keep the rate per weighted patient (/admin/rates, issue 11): the 2026/27 rate is
-- added when it is published. Like role_caps and band_caps, a version for optimistic
-- locking, so that two admins changing a year's rate at once cannot overwrite each
-- other unawares. The data version trigger of 000004 already covers the table.
ALTER TABLE funding_rates ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
