package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrUnavailable marks an error as the database being out of reach (stopped, failing
// over, or the network to it down), as opposed to a fault in a query. The server
// answers it with 503 and a "try again later" page rather than a 500.
var ErrUnavailable = errors.New("database unavailable")

// IsUnavailable reports whether err means the database could not be reached or dropped
// the connection: the one place that says which errors are an outage. Nothing was
// written when it is true, since every write runs in a transaction that a lost
// connection rolls back.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrUnavailable) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return unavailableState(pgErr.Code)
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr):
		return true
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED):
		return true
	case pgconn.Timeout(err), errors.Is(err, context.DeadlineExceeded):
		// A connect or acquire that timed out: the server did not answer in time.
		return true
	}
	// Failed before a byte was sent: the connection was already gone.
	return pgconn.SafeToRetry(err)
}

// unavailableState reports the SQLSTATEs of a server that is going or not yet back:
// class 08 (connection exception), and shutdown or start-up in progress.
func unavailableState(code string) bool {
	switch code {
	case "57P01", "57P02", "57P03": // admin_shutdown, crash_shutdown, cannot_connect_now
		return true
	}
	return len(code) == 5 && code[:2] == "08"
}

// wrapUnavailable wraps err with the operation, and with ErrUnavailable when it is an
// outage, so that callers can test for it with errors.Is.
func wrapUnavailable(op string, err error) error {
	if IsUnavailable(err) && !errors.Is(err, ErrUnavailable) {
		return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
