-- A send-back is recorded as a return, the nearest move the old rule knows.
UPDATE plan_events SET action = 'return' WHERE action = 'send_back';
ALTER TABLE plan_events DROP CONSTRAINT plan_events_action_check;
ALTER TABLE plan_events ADD CONSTRAINT plan_events_action_check
    CHECK (action IN ('create', 'save', 'upload', 'submit', 'sign_off', 'accept', 'return',
                      'supersede'));
