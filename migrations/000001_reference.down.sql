DROP TABLE national_series, target_milestones, targets, funding_rates, role_caps,
    nwrs_role_map, roles, pcn_populations, pcns, sub_icbs, icbs, regions;
