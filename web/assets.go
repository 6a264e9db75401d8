// Package web holds the browser-facing side of ARRS Planner: static assets embedded in
// the binary (the NHS.UK frontend, fetched by the Makefile at build time, and our own
// small stylesheet) and, in sub-packages, the templ components of each screen.
package web

import "embed"

// Static is served under /static/. The nhsuk/ folder is copied from
// node_modules/nhsuk-frontend by `make assets` (and by the Dockerfile); it is not
// committed.
//
// The NHS.UK stylesheet and script are named one by one so that a build without them
// fails here, rather than making a binary that serves unstyled pages:
//
//	web/assets.go:NN: pattern static/nhsuk/nhsuk-frontend.min.css: no matching files found
//
// means the front end has not been fetched: RUN `make build` (or `make assets`, then
// go build).
//
//go:embed static static/nhsuk/nhsuk-frontend.min.css static/nhsuk/nhsuk-frontend.min.js
var Static embed.FS
