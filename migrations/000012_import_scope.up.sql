-- Scoped imports stay in scope (PLANNING.md, "Importing a census"): only a national
-- import (an admin's upload or the command line) moves England's as-of date; an ICB
-- lead's upload corrects, for the latest national census, the records of the PCNs it
-- carries (docs/planning-choices.md). scope names the ICBs an upload was limited to (the
-- import log shows it to those ICBs' leads); NULL is a national import.
ALTER TABLE nwrs_imports ADD COLUMN scope text[]
    CONSTRAINT nwrs_imports_scope_named CHECK (scope IS NULL OR cardinality(scope) > 0);

-- Uploads made before this column were scoped when their audit entry names an ICB (a
-- lead of one ICB); leads of several ICBs left no trace of it and stay national.
UPDATE nwrs_imports i SET scope = ARRAY[a.icb_code]
FROM audit_log a
WHERE a.action = 'nwrs.import' AND a.entity = 'nwrs_import' AND a.entity_id = i.id::text AND a.icb_code <> '';
