// Command benchscale is the national scale benchmark (issue 17, `make bench-scale`):
// `build` makes the template databases of generated history (internal/scale), `run`
// (the default) clones one per census count, serves it with `arrs serve` and drives the
// key pages with concurrent signed-in clients while an admin saves elsewhere through
// the app, then prints each page's times beside the time of its own SQL.
//
//	go run ./cmd/benchscale [run]      settings from SCALE_* variables (settings.go)
//	go run ./cmd/benchscale build [-censuses "1 60"]
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := dispatch(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		os.Exit(1)
	}
}

func dispatch(ctx context.Context, args []string) error {
	cmd := "run"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "build":
		return runBuild(ctx, args)
	case "run":
		if len(args) > 0 {
			return fmt.Errorf("run takes no arguments: it reads SCALE_* variables (see cmd/benchscale/settings.go)")
		}
		s, err := settingsFromEnv(os.Getenv)
		if err != nil {
			return err
		}
		return runBench(ctx, s, os.Stdout)
	}
	return fmt.Errorf("usage: benchscale [run | build [-censuses \"1 60\"]]")
}
