// Package migrations embeds the golang-migrate SQL files so that the binary carries its
// own schema. Files are never edited once landed: add a new numbered pair instead.
package migrations

import (
	"embed"
	"io"
	"io/fs"
)

// FS holds the NNNNNN_name.up.sql / .down.sql files.
//
//go:embed *.sql
var FS embed.FS

// Digest writes every migration's name and contents to w, in file order: the part of a
// fingerprint that says which schema a template database (tests, the scale benchmark)
// was built from, so that a changed migration rebuilds it.
func Digest(w io.Writer) {
	_ = fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(FS, p)
			w.Write([]byte(p))
			w.Write(b)
		}
		return nil
	})
}
