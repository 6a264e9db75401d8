package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/arrs-planner/arrs/internal/store"
)

func (a *app) migrate(_ context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: migrate needs up, down N or version", errUsage)
	}
	mg, err := store.NewMigrator(a.cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer mg.Close()
	switch {
	case args[0] == "up" && len(args) == 1:
		err = mg.Up()
	case args[0] == "down" && len(args) == 2:
		n, convErr := strconv.Atoi(args[1])
		if convErr != nil || n < 1 {
			return fmt.Errorf("%w: migrate down needs a positive number of steps, not %q", errUsage, args[1])
		}
		err = mg.Down(n)
	case args[0] == "version" && len(args) == 1:
		v, dirty, verr := mg.Version()
		if verr == nil {
			fmt.Fprintf(a.stdout, "%d%s\n", v, map[bool]string{true: " (dirty)"}[dirty])
		}
		return verr
	default:
		return fmt.Errorf("%w: migrate needs up, down N or version", errUsage)
	}
	if err != nil {
		return err
	}
	v, _, _ := mg.Version()
	fmt.Fprintf(a.stdout, "schema at version %d\n", v)
	return nil
}
