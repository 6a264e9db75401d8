// Package store holds all of ARRS Planner's SQL, written by hand next to its scanning
// code, one file per table or aggregate. Reads are nouns, writes are verbs; not found is
// ErrNotFound, a unique violation or a stale version is ErrConflict.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// querier is satisfied by both the pool and a transaction, so every method runs the
// same inside and outside InTx.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	CopyFrom(ctx context.Context, table pgx.Identifier, cols []string, src pgx.CopyFromSource) (int64, error)
}

// DB is the storage of ARRS Planner.
type DB struct {
	q    querier
	pool *pgxpool.Pool
}

// New wraps a pool.
func New(pool *pgxpool.Pool) *DB { return &DB{q: pool, pool: pool} }

// AppRole is the database role the app works as (migration 000011): it owns nothing
// and holds only the grants the app needs, so the app's own code cannot disable the
// audit trail's triggers, alter a table or rewrite history. The URL's user, who runs
// the migrations and owns the schema, is a member of it.
const AppRole = "arrs_app"

// connectTimeout bounds a connection attempt, so that during an outage a page answers
// "try again later" in seconds instead of waiting on the operating system's timeout.
const connectTimeout = 3 * time.Second

// Open connects to the migrated database at url and checks that it answers. Every
// connection switches to AppRole (SET ROLE) before the pool hands it out, so the
// server and the command line, after migrating with the same URL, work as the role
// that owns nothing. Options (TraceSQL) change how the pool is set up.
func Open(ctx context.Context, url string, opts ...Option) (*DB, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: DATABASE_URL: %w", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 { // the URL's connect_timeout wins
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	cfg.PingTimeout = connectTimeout
	cfg.AfterConnect = setAppRole
	if o.traceSQL {
		cfg.ConnConfig.Tracer = sqlTracer{}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open the pool: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, wrapUnavailable("store: database unreachable", err)
	}
	return New(pool), nil
}

// setAppRole switches a new connection to AppRole.
func setAppRole(ctx context.Context, c *pgx.Conn) error {
	if _, err := c.Exec(ctx, "SET ROLE "+AppRole); err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "22023" { // invalid_parameter_value: no such role
			return fmt.Errorf("SET ROLE %s: %w (run `arrs migrate up` first)", AppRole, err)
		}
		return fmt.Errorf("SET ROLE %s: %w", AppRole, err)
	}
	return nil
}

// Close closes the pool.
func (db *DB) Close() {
	if db.pool != nil {
		db.pool.Close()
	}
}

// Ping reports whether the database answers (for /readyz).
func (db *DB) Ping(ctx context.Context) (err error) {
	defer wrap(&err, "ping")
	var one int
	return db.q.QueryRow(ctx, "SELECT 1").Scan(&one)
}

// InTx runs fn inside one transaction: committed when fn returns nil, rolled back
// otherwise. Nested calls reuse the outer transaction. An error of fn comes back as fn
// returned it; a failure to begin or commit is wrapped as the transaction's.
func (db *DB) InTx(ctx context.Context, fn func(tx *DB) error) error {
	if _, nested := db.q.(pgx.Tx); nested {
		return fn(db)
	}
	var fnErr error
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		fnErr = fn(&DB{q: tx, pool: db.pool})
		return fnErr
	})
	if fnErr == nil {
		wrap(&err, "transaction")
	}
	return err
}

// DataVersion is a counter that moves whenever data behind the pages changes (a
// trigger on every table they read bumps data_version or an organisation's version;
// this is their sum, VersionSums), so that a computation keyed by it is never stale,
// whichever server instance made the change.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	s, err := db.VersionSums(ctx)
	return s.National + s.PCNSum + s.ICBSum, err
}

// Pool is the connection pool, for the session store, which keeps its own SQL.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }
