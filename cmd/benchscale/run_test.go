package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/scale"
	"github.com/arrs-planner/arrs/internal/server"
	"github.com/arrs-planner/arrs/internal/store"
)

// serveAsChild makes the test binary, started by the driver as `arrs serve`, serve as
// cmd/arrs does: the settings from the environment, the SQL traced, until SIGTERM.
const serveAsChild = "BENCHSCALE_TEST_SERVE"

func TestMain(m *testing.M) {
	if os.Getenv(serveAsChild) == "1" && len(os.Args) == 2 && os.Args[1] == "serve" {
		if err := serve(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func serve() error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL, store.TraceSQL())
	if err != nil {
		return err
	}
	defer db.Close()
	srv := server.New(db, cfg, slog.New(slog.NewTextHandler(io.Discard, nil))).HTTPServer()
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// TestRunOnTheDemoWorkforce drives a real server for a second with two clients and two
// saves a second on a database with the real November 2025 workforce and the demo
// admin: every page answers, the saves go through the app, and the table comes out
// with the server's SQL times in it.
func TestRunOnTheDemoWorkforce(t *testing.T) {
	if os.Getenv("TEST_DATABASE_URL") == "" || testing.Short() {
		t.Skip("TEST_DATABASE_URL is not set, or -short")
	}
	ctx := context.Background()
	t0 := time.Now()
	db, dbURL := dbtest.NewWithURL(t)
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ingest.NWRS(ctx, db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "test"}, nil, time.Now())
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(scale.Password, auth.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, auth.User{Email: demoAdmin, Name: "Admin", PasswordHash: hash, Active: true, Demo: true,
		Grants: []auth.Grant{{Role: auth.Admin}}}, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	db.Close() // a template takes no connections
	// The test binary serves as the child (TestMain): building cmd/arrs takes longer
	// than the whole run.
	t.Setenv(serveAsChild, "1")
	bin := os.Args[0]
	u, _ := url.Parse(dbURL)
	s := settings{censuses: []int{1}, writes: []int{2}, phase: time.Second, clients: 2, cold: 1, icb: "QHM",
		adminURL: os.Getenv("TEST_DATABASE_URL"), template: strings.TrimPrefix(u.Path, "/"), bin: bin}
	var out bytes.Buffer
	if err := runBench(ctx, s, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	t.Logf("ran in %v", time.Since(t0))
	for _, want := range []string{"| /gaps?level=pcn ", "/admin/users", "peak VmRSS", "COPY floor", "bars (issue 17)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in the output:\n%s", want, out.String())
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if c := cells(line); strings.HasPrefix(line, "| /") && (c[1] == "0" || c[6] == "–") {
			t.Errorf("a page unread or without its SQL time: %s", line)
		}
	}
}
