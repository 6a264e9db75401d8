-- Caps by Agenda for Change band (issue 11; DOMAIN.md, "Caps follow Agenda for Change
-- bands"): the DES sets each role's maximum at the top of its band plus on-costs, so a
-- role whose own cap is unknown, or older than its band's, is claimed against its
-- band's. Which band a role's caps follow is a rule of the domain (cap groups), not
-- data. Like role_caps: an id for the change form, a version for optimistic locking,
-- one figure per band and date; a change bumps the data version so cached funding
-- figures follow it.
CREATE TABLE band_caps (
    id             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    band           text NOT NULL CHECK (band IN ('3', '4', '5', '6', '7', '8a', '8b', '8c', '8d', '9', 'GP')),
    effective_from date NOT NULL,
    cap_pence      bigint NOT NULL CHECK (cap_pence > 0),
    provisional    boolean NOT NULL DEFAULT true,
    version        integer NOT NULL DEFAULT 1 CHECK (version > 0),
    PRIMARY KEY (band, effective_from)
);

CREATE TRIGGER band_caps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON band_caps
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
