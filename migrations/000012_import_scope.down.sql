ALTER TABLE nwrs_imports DROP COLUMN scope;
