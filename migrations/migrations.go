// Package migrations embeds the golang-migrate SQL files so that the binary carries its
// own schema. Files are never edited once landed: add a new numbered pair instead.
package migrations

import "embed"

// FS holds the NNNNNN_name.up.sql / .down.sql files.
//
//go:embed *.sql
var FS embed.FS
