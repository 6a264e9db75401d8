package main

import (
	"context"
	"fmt"
)

func (a *app) serve(ctx context.Context, args []string) error {
	return fmt.Errorf("serve: not wired yet")
}
