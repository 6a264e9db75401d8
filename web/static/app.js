// Initialise the NHS.UK frontend components. A module, so only browsers the frontend supports run it.
import { initAll } from '/static/nhsuk/nhsuk-frontend.min.js'

initAll()
