DROP TABLE expected_supply;
DROP TABLE sites;
DROP TABLE supervision_links;
DROP FUNCTION supervision_link_same_pcn();
DROP TABLE supervisors;
