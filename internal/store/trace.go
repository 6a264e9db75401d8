package store

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// SQLTimer adds up the time and the number of the queries run under one context (a
// request and the computations it starts, which carry its values through
// context.WithoutCancel), so that a page's time can be set beside its SQL's. Queries run
// in parallel add up their durations: the sum may exceed the wall time.
type SQLTimer struct {
	nanos   atomic.Int64
	queries atomic.Int64
}

// sqlTimerKey is the context key of the request's SQLTimer.
type sqlTimerKey struct{}

// sqlStartKey is the context key of the start of the query being traced.
type sqlStartKey struct{}

// WithSQLTimer returns a context whose queries a database opened with TraceSQL counts
// into the returned timer. Without TraceSQL the timer stays at zero.
func WithSQLTimer(ctx context.Context) (context.Context, *SQLTimer) {
	t := &SQLTimer{}
	return context.WithValue(ctx, sqlTimerKey{}, t), t
}

// Duration is the summed time of the queries so far.
func (t *SQLTimer) Duration() time.Duration { return time.Duration(t.nanos.Load()) }

// Queries is the number of queries (statements, batches' statements, copies) so far.
func (t *SQLTimer) Queries() int64 { return t.queries.Load() }

// add counts n queries that took d.
func (t *SQLTimer) add(d time.Duration, n int64) {
	t.nanos.Add(int64(d))
	t.queries.Add(n)
}

// Option changes how Open sets up the pool.
type Option func(*options)

type options struct{ traceSQL bool }

// TraceSQL makes every query count into the SQLTimer of its context (WithSQLTimer), for
// the Server-Timing header (ARRS_SERVER_TIMING). Off, queries pay nothing.
func TraceSQL() Option { return func(o *options) { o.traceSQL = true } }

// sqlTracer is the pgx tracer behind TraceSQL. It keeps the start of a call in the
// call's context and, at its end, adds the time to the request's timer if there is one:
// queries outside a request (the session store's clean-up) go uncounted.
type sqlTracer struct{}

var (
	_ pgx.QueryTracer    = sqlTracer{}
	_ pgx.BatchTracer    = sqlTracer{}
	_ pgx.CopyFromTracer = sqlTracer{}
)

// start marks the beginning of a call in its context when a timer listens.
func start(ctx context.Context) context.Context {
	if ctx.Value(sqlTimerKey{}) == nil {
		return ctx
	}
	return context.WithValue(ctx, sqlStartKey{}, time.Now())
}

// end adds the call begun by start, as n queries, to the context's timer.
func end(ctx context.Context, n int64) {
	t, _ := ctx.Value(sqlTimerKey{}).(*SQLTimer)
	began, ok := ctx.Value(sqlStartKey{}).(time.Time)
	if t != nil && ok {
		t.add(time.Since(began), n)
	}
}

func (sqlTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return start(ctx)
}

func (sqlTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryEndData) {
	end(ctx, 1)
}

// batchCount counts a batch's statements as they come back.
type batchCount struct{}

func (sqlTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	ctx = start(ctx)
	if ctx.Value(sqlStartKey{}) == nil {
		return ctx
	}
	return context.WithValue(ctx, batchCount{}, new(int64))
}

func (sqlTracer) TraceBatchQuery(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchQueryData) {
	if n, ok := ctx.Value(batchCount{}).(*int64); ok {
		*n++ // a batch's results are read by one goroutine
	}
}

func (sqlTracer) TraceBatchEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchEndData) {
	if n, ok := ctx.Value(batchCount{}).(*int64); ok {
		end(ctx, *n)
	}
}

func (sqlTracer) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	return start(ctx)
}

func (sqlTracer) TraceCopyFromEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromEndData) {
	end(ctx, 1)
}
