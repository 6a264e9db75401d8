package refdata

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
)

// PracticeFiles are the embedded GP practice files of 1 November 2025 (NHS England's
// "Patients Registered at a GP Practice", and Fingertips' practice deprivation), in the
// order they load: the mapping first, as the others name its practices.
var PracticeFiles = []string{
	"data/practices_nov2025/gp-reg-pat-prac-map.csv",
	"data/practices_nov2025/gp-reg-pat-prac-all.csv",
	"data/practices_nov2025/gp-reg-pat-prac-quin-age.csv.gz",
	"data/practices_nov2025/practice_imd_2019_fingertips_93553.csv",
}

// OrgChangeDirs are the embedded organisations change folders (NHS England's change
// summaries), oldest first: each loads after the practices, which it moves too.
var OrgChangeDirs = []string{"data/organisations_2026-04"}

// ReadFile reads an embedded data file by its path (e.g. one of PracticeFiles).
func ReadFile(name string) ([]byte, error) { return fs.ReadFile(files, name) }

// Dir is an embedded folder as a file system, for importer.ReadOrgChange.
func Dir(name string) (fs.FS, error) { return fs.Sub(files, name) }

// Fingerprint is a SHA-256 (hex) of every embedded data file, names and bytes: it
// changes whenever anything the seed loads does, so a database built from the data
// (the tests' template) can be known to be stale.
func Fingerprint() (string, error) {
	var names []string
	err := fs.WalkDir(files, "data", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	return hashFiles(names)
}

// hashFiles is a SHA-256 (hex) over the embedded files named, in order: each name, a
// NUL, and its bytes.
func hashFiles(names []string) (string, error) {
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(files, n)
		if err != nil {
			return "", err
		}
		h.Write([]byte(n + "\x00"))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
