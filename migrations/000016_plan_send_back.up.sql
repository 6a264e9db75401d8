-- Issue 13: the clinical director may send a submitted plan back to the network's
-- managers with a comment (the move send_back: submitted → returned), as the ICB's
-- leads return a signed-off one.
ALTER TABLE plan_events DROP CONSTRAINT plan_events_action_check;
ALTER TABLE plan_events ADD CONSTRAINT plan_events_action_check
    CHECK (action IN ('create', 'save', 'upload', 'submit', 'sign_off', 'accept', 'return',
                      'supersede', 'send_back'));
