// Package browser holds the end-to-end tests that drive Debian's chromium through
// chromedp against a real server and database: the users' journeys, with a screenshot
// of every step (testartefacts/) and axe-core's WCAG 2.2 AA checks on every page.
// It has no code of its own outside its tests.
package browser
