package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/arrs-planner/arrs/internal/server"
)

func (a *app) serve(ctx context.Context, args []string) error {
	if len(args) != 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	// Libraries that write with the log package (the session store's clean-up of
	// expired sessions) then write structured records too.
	slog.SetDefault(log)
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if demo, err := db.DemoAccountsExist(ctx); err != nil {
		return err
	} else if demo && !a.cfg.Dev {
		log.Warn("!!! DEMO ACCOUNTS EXIST: @example.nhs.uk users with a published password can sign in. " +
			"Deactivate them (Admin → Users) before real data is loaded. !!!")
	}
	for _, w := range a.cfg.Warnings() {
		log.Warn(w)
	}
	setMemoryLimit(a.cfg.MemoryLimit, log)
	srv := server.New(db, a.cfg, log).HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving ARRS Planner", "addr", a.cfg.Addr, "dev", a.cfg.Dev)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// setMemoryLimit gives the runtime the soft memory limit of the configuration
// (ARRS_MEMORY_LIMIT), unless GOMEMLIMIT already set one: the collector then runs more
// often as the heap nears it instead of letting the process grow to twice its live
// data between collections.
func setMemoryLimit(limit int64, log *slog.Logger) {
	if os.Getenv("GOMEMLIMIT") != "" || limit <= 0 {
		return
	}
	debug.SetMemoryLimit(limit)
	log.Info("memory limit", "MiB", limit>>20)
}
