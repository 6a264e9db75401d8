DROP TABLE pcn_baselines, plan_lines, plans;
DROP FUNCTION plan_lines_editable();
