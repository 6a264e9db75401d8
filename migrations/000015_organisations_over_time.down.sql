ALTER TABLE pcns ADD COLUMN sub_icb_code text REFERENCES sub_icbs (code), ADD COLUMN icb_code text REFERENCES icbs (code);
ALTER TABLE sub_icbs ADD COLUMN icb_code text REFERENCES icbs (code);
UPDATE pcns SET sub_icb_code = s.sub_icb_code, icb_code = s.icb_code
FROM (SELECT DISTINCT ON (pcn_code) * FROM pcn_spans ORDER BY pcn_code, valid_from DESC) s WHERE s.pcn_code = pcns.code;
UPDATE sub_icbs SET icb_code = s.icb_code
FROM (SELECT DISTINCT ON (sub_icb_code) * FROM sub_icb_spans ORDER BY sub_icb_code, valid_from DESC) s WHERE s.sub_icb_code = sub_icbs.code;
ALTER TABLE pcns ALTER COLUMN icb_code SET NOT NULL;
ALTER TABLE sub_icbs ALTER COLUMN icb_code SET NOT NULL;
CREATE INDEX pcns_icb_idx ON pcns (icb_code);
DROP FUNCTION org_problems();
DROP FUNCTION icb_pcns_today(text);
DROP TABLE org_imports, practice_deprivation, practice_patients, practice_spans, practices, pcn_spans, sub_icb_spans, icb_successions;
ALTER TABLE icbs DROP CONSTRAINT icbs_open_before_closed, DROP COLUMN opened, DROP COLUMN closed;
