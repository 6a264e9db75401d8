package store

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ErrNotFound is returned when a row asked for by its key does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned on a unique violation or a stale version.
var ErrConflict = errors.New("conflict")

// mapErr turns pgx's errors into the store's typed errors. Only pgx.ErrNoRows, a
// query that answered with no row, is ErrNotFound: any other failure (a lost
// connection, a cancelled request, a fault in the query) passes unchanged, so that it
// is never shown as "not found".
func mapErr(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return fmt.Errorf("%w: %s", ErrConflict, pgErr.Detail)
	}
	return err
}

// staleIfMissing reads an UPDATE … WHERE version = $v that matched no row as a stale
// version: the row was found just before, so another save moved its version.
func staleIfMissing(err error) error {
	if err = mapErr(err); errors.Is(err, ErrNotFound) {
		return ErrConflict
	}
	return err
}

// opError is a failed store operation: what it did, to which key, and why. A failure
// inside another operation (a write reading the row it changes) reads as one chain
// under one "store: " prefix.
type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return "store: " + e.chain() }

func (e *opError) chain() string {
	if inner, ok := e.err.(*opError); ok {
		return e.op + ": " + inner.chain()
	}
	return e.op + ": " + e.err.Error()
}

func (e *opError) Unwrap() error { return e.err }

// wrap names the operation of a failed store call, as pkgsite's derrors.Wrap does.
// Deferred at the top of every exported method, it makes whichever return fails say
// what was being done and to what ("store: plan lines of 12: …"), keeping the cause
// for errors.Is and errors.As (ErrNotFound, ErrConflict, IsUnavailable, *StatusError…).
func wrap(errp *error, format string, args ...any) {
	if *errp != nil {
		*errp = &opError{op: fmt.Sprintf(format, args...), err: *errp}
	}
}
