DROP TABLE staff, nwrs_imports;
