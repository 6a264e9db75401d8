DROP TRIGGER pcns_staff_delete ON pcns;
DROP TRIGGER pcns_staff_update ON pcns;
DROP TRIGGER roles_staff_delete ON roles;
DROP TRIGGER roles_staff_update ON roles;
DROP TABLE staff, nwrs_imports;
DROP FUNCTION staff_check_refs(), pcns_still_named(), roles_still_named(), imports_still_named();
