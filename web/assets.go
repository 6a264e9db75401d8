// Package web holds the browser-facing side of ARRS Planner: static assets embedded in
// the binary (the NHS.UK frontend, fetched by the Makefile at build time, and our own
// small stylesheet) and, in sub-packages, the templ components of each screen.
package web

import "embed"

// Static is served under /static/. The nhsuk/ folder is copied from
// node_modules/nhsuk-frontend by `make assets`; it is not committed.
//
//go:embed static
var Static embed.FS
