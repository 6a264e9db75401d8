package store_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/arrs-planner/arrs/internal/store"
)

func TestIsUnavailable(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"not found", store.ErrNotFound, false},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"permission denied", &pgconn.PgError{Code: "42501"}, false},
		{"server shutting down", fmt.Errorf("staff of U60057: %w", &pgconn.PgError{Code: "57P01"}), true},
		{"starting up", &pgconn.PgError{Code: "57P03"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"connection lost mid-reply", fmt.Errorf("reading: %w", io.ErrUnexpectedEOF), true},
		{"network", &net.OpError{Op: "dial", Err: errors.New("connection refused")}, true},
		{"connect timed out", context.DeadlineExceeded, true},
		{"client went away", context.Canceled, false},
		{"marked", fmt.Errorf("x: %w", store.ErrUnavailable), true},
	}
	for _, c := range cases {
		if got := store.IsUnavailable(c.err); got != c.want {
			t.Errorf("%s: IsUnavailable(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
	}
}

// TestOpenWithoutADatabase: nothing listening is an outage, answered within the connect
// timeout, not a fault.
func TestOpenWithoutADatabase(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	start := time.Now()
	_, err = store.Open(context.Background(), "postgres://arrs@"+addr+"/arrs?sslmode=disable")
	if !errors.Is(err, store.ErrUnavailable) || !store.IsUnavailable(err) {
		t.Errorf("Open with nothing listening: %v, want ErrUnavailable", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}
