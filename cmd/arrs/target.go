package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func (a *app) target(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "set" {
		return fmt.Errorf("%w: target needs set NAME --fte N --baseline DATE --deadline DATE", errUsage)
	}
	t, err := parseTarget(args[1:])
	if err != nil {
		return err
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	saved, created, err := db.SaveTarget(ctx, t, cliActor())
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("target %q: %w", t.Name, err)
	} else if err != nil {
		return err
	}
	verb := "updated"
	if created {
		verb = "created"
	}
	fmt.Fprintf(a.stdout, "%s target %q: %s FTE from %s by %s, %d milestones%s\n", verb, saved.Name,
		strconv.FormatFloat(saved.FTE, 'f', -1, 64), saved.Baseline.Format(workforce.DateLayout),
		saved.Deadline.Format(workforce.DateLayout), len(saved.Milestones), map[bool]string{true: " (default)"}[saved.IsDefault])
	return nil
}

// parseTarget reads NAME --fte N --baseline DATE --deadline DATE [--default]
// [--milestone DATE=FTE[:label]]... (NAME may also come after the flags) and checks it.
func parseTarget(args []string) (workforce.Target, error) {
	var t workforce.Target
	fs := newFlags("target set")
	fte := fs.String("fte", "", "additional FTE of the target")
	baseline := fs.String("baseline", "", "baseline date YYYY-MM-DD")
	deadline := fs.String("deadline", "", "deadline YYYY-MM-DD")
	fs.BoolVar(&t.IsDefault, "default", false, "make it the default target")
	var ms milestoneFlags
	fs.Var(&ms, "milestone", "DATE=FTE[:label], repeatable")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		t.Name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return t, fmt.Errorf("%w: %w", errUsage, err)
	}
	rest := fs.Args()
	if t.Name == "" && len(rest) > 0 {
		t.Name, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		return t, fmt.Errorf("%w: unexpected %q (quote a NAME with spaces)", errUsage, rest[0])
	}
	var err error
	if t.Name = strings.TrimSpace(t.Name); t.Name == "" {
		return t, fmt.Errorf("%w: target set needs a NAME", errUsage)
	}
	if t.FTE, err = positiveFTE("--fte", *fte); err != nil {
		return t, err
	}
	if t.Baseline, err = requiredDate("--baseline", *baseline); err != nil {
		return t, err
	}
	if t.Deadline, err = requiredDate("--deadline", *deadline); err != nil {
		return t, err
	}
	t.Milestones = ms.list
	if problems := t.Validate(); len(problems) > 0 {
		return t, problems[0]
	}
	return t, nil
}

func positiveFTE(flagName, raw string) (float64, error) {
	if raw == "" {
		return 0, fmt.Errorf("%s is required: the additional FTE of the target, e.g. 26000", flagName)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || v >= workforce.MaxTargetFTE {
		return 0, fmt.Errorf("%s must be a positive number of FTE, e.g. 26000, not %q", flagName, raw)
	}
	return v, nil
}

func requiredDate(flagName, raw string) (time.Time, error) {
	if raw == "" {
		return time.Time{}, fmt.Errorf("%s is required: a date YYYY-MM-DD", flagName)
	}
	d, err := workforce.ParseDate(raw)
	if err != nil {
		return d, fmt.Errorf("%s must be a date YYYY-MM-DD, not %q", flagName, raw)
	}
	return d, nil
}

// milestoneFlags collects repeated --milestone DATE=FTE[:label] flags. With none given
// the list stays nil, so that an existing target keeps its milestones.
type milestoneFlags struct{ list []workforce.Milestone }

func (m *milestoneFlags) String() string { return "" }

func (m *milestoneFlags) Set(s string) error {
	date, rest, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want DATE=FTE[:label], e.g. 2022-03-31=15500:Expected by the end of 2021/22, not %q", s)
	}
	fte, label, _ := strings.Cut(rest, ":")
	due, err := workforce.ParseDate(date)
	if err != nil {
		return fmt.Errorf("milestone date must be YYYY-MM-DD, not %q", date)
	}
	v, err := positiveFTE("milestone FTE", fte)
	if err != nil {
		return err
	}
	m.list = append(m.list, workforce.Milestone{Due: due, FTE: v, Label: strings.TrimSpace(label)})
	return nil
}
