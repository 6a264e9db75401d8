ALTER TABLE funding_rates DROP COLUMN version;
