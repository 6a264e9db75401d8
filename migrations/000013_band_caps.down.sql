DROP TABLE band_caps;
