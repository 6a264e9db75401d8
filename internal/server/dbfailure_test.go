package server

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// faultProxy stands between the server and Postgres and counts the statements the
// server sends (each Bind or simple Query message of the wire protocol); armed with
// n, it cuts the connection that sends the n-th statement after arming, as a
// database that fails mid-request does, then lets everything through again.
type faultProxy struct {
	target string
	ln     net.Listener
	mu     sync.Mutex
	count  int // statements since the last arm
	failAt int // 0 when disarmed
	cut    atomic.Int32
	failed string // the SQL of the statement cut
}

func newFaultProxy(t *testing.T, target string) *faultProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{target: target, ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.pipe(c)
		}
	}()
	return p
}

// arm makes the n-th statement from now fail (0: none), and counts from zero.
func (p *faultProxy) arm(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count, p.failAt, p.failed = 0, n, ""
	p.cut.Store(0)
}

// statements is how many statements were sent since the last arm.
func (p *faultProxy) statements() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.count
}

// statement counts one and reports whether it is the one to fail.
func (p *faultProxy) statement(sql string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	if p.failAt != 0 && p.count == p.failAt {
		p.failAt, p.failed = 0, sql
		p.cut.Add(1)
		return true
	}
	return false
}

// cutSQL is the SQL of the statement cut since the last arm.
func (p *faultProxy) cutSQL() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.failed
}

func (p *faultProxy) pipe(c net.Conn) {
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	go func() { io.Copy(c, up); c.Close() }()
	defer up.Close()
	defer c.Close()
	// Until the startup message, messages have no type byte: the startup message
	// itself, or a request for TLS or GSS encryption the server answers with a byte.
	for {
		msg, err := readUntyped(c)
		if err != nil {
			return
		}
		if _, err := up.Write(msg); err != nil {
			return
		}
		if code := binary.BigEndian.Uint32(msg[4:8]); code != 80877103 && code != 80877104 {
			break
		}
	}
	prepared := map[string]string{} // statement name → SQL
	for {
		head := make([]byte, 5)
		if _, err := io.ReadFull(c, head); err != nil {
			return
		}
		body := make([]byte, binary.BigEndian.Uint32(head[1:])-4)
		if _, err := io.ReadFull(c, body); err != nil {
			return
		}
		fields := bytes.Split(body, []byte{0})
		sql := ""
		switch head[0] {
		case 'P': // Parse: name, SQL
			prepared[string(fields[0])] = string(fields[1])
		case 'B': // Bind: portal, statement name
			sql = prepared[string(fields[1])]
		case 'Q': // Query: SQL
			sql = string(fields[0])
		}
		// The pool's own liveness check ("-- ping", before reusing a connection idle for
		// a second) is not the request's: a failed one is retried on another connection.
		if (head[0] == 'B' || head[0] == 'Q' && sql != "-- ping") && p.statement(sql) {
			return // cuts both connections
		}
		if _, err := up.Write(append(head, body...)); err != nil {
			return
		}
	}
}

func readUntyped(c net.Conn) ([]byte, error) {
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil {
		return nil, err
	}
	msg := make([]byte, binary.BigEndian.Uint32(head[:4]))
	copy(msg, head)
	_, err := io.ReadFull(c, msg[8:])
	return msg, err
}

// TestDatabaseFailureIsNeverNotFound: whichever statement of a request the database
// fails on, a page of a PCN or an ICB the user may see answers 500 or 503, never
// 404 (nor 403, nor signing the user out): a failed read is not an absence.
func TestDatabaseFailureIsNeverNotFound(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	addPersonas(t, db)
	u, _ := url.Parse(dbURL)
	proxy := newFaultProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	proxied, err := store.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(proxied.Close)
	_, ts := newCapturedServer(t, proxied)
	staffID := (&capEnv{t: t, db: db}).staff("U60057", "clinical_pharmacist", 1, "2025-01-01", "")
	seen := []string{"/pcns/U60057", "/pcns/U60057/staff", "/pcns/U60057/staff/" + itoa64(staffID) + "/history", "/pcns/U60057/plan",
		"/pcns/U60057/funding", "/pcns/U60057/dashboard", "/pcns/U60057/supervision", "/pcns/U60057/sites", "/icbs/QOC", "/icbs/QOC/supply"}
	changed := []string{"/pcns/U60057/staff/new", "/pcns/U60057/staff/" + itoa64(staffID), "/pcns/U60057/supervision/links/new"}
	for persona, pages := range map[string][]string{"manager": append(seen, changed...), "lead": seen} {
		c := client(t)
		signIn(t, ts, c, persona+"@test.nhs.uk")
		for _, page := range pages {
			proxy.arm(0)
			if got := status(t, c, http.MethodGet, ts.URL+page); got != http.StatusOK {
				t.Fatalf("%s as %s with the database up: %d", page, persona, got)
			}
			n := proxy.statements()
			for k := 1; k <= n; k++ {
				proxy.arm(0)
				status(t, c, http.MethodGet, ts.URL+page) // the cache as it was
				proxy.arm(k)
				got := status(t, c, http.MethodGet, ts.URL+page)
				if proxy.cut.Load() == 0 {
					continue // fewer statements this time: nothing failed
				}
				if got != http.StatusInternalServerError && got != http.StatusServiceUnavailable {
					t.Errorf("%s as %s, the database failing at statement %d of %d (%.80q): %d, want 500 or 503", page, persona, k, n, proxy.cutSQL(), got)
				}
			}
			proxy.arm(0)
			if got := status(t, c, http.MethodGet, ts.URL+page); got != http.StatusOK {
				t.Errorf("%s as %s once the database answers again: %d", page, persona, got)
			}
		}
	}
}
