package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

func (a *app) seed(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] != "reference" && args[0] != "demo") {
		return fmt.Errorf("%w: seed needs reference or demo", errUsage)
	}
	fs := newFlags("seed")
	password := fs.String("password", os.Getenv("ARRS_DEMO_PASSWORD"), "password of the demo accounts")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 || (args[0] == "reference" && len(args) > 1) {
		return fmt.Errorf("%w: seed reference takes no flags; seed demo takes --password", errUsage)
	}
	if *password == "" {
		*password = defaultDemoPassword
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := a.seedReference(ctx, db); err != nil {
		return err
	}
	if args[0] == "demo" {
		if err := a.seedDemo(ctx, db); err != nil {
			return err
		}
		if err := a.seedDemoUsers(ctx, db, *password); err != nil {
			return err
		}
		if err := a.seedDemoPlan(ctx, db); err != nil {
			return err
		}
		return a.seedDemoIntegration(ctx, db, time.Now())
	}
	return nil
}

// demoPlan is a draft recruitment plan for the demo PCN (U60057), so that a newcomer's
// first look at the plan editor and the dashboard has a plan in it, "with your draft"
// beside the official figures (which, like the gap panel and the funding page, leave a
// draft out until it is submitted).
const demoPlan = `pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp
U60057,clinical_pharmacist,2026/27 Q4,1,0,62000
U60057,paramedic,2027/28 Q1,1,0,55000
U60057,care_coordinator,2027/28 Q2,1,0.4,32000
U60057,first_contact_physiotherapist,2027/28 Q3,0.6,0,60000
`

// seedDemoPlan loads the demo plan as U60057's draft when the PCN has no plan yet.
func (a *app) seedDemoPlan(ctx context.Context, db *store.DB) error {
	plans, err := db.PlansByPCN(ctx, "U60057")
	if err != nil || len(plans) > 0 {
		if err == nil {
			fmt.Fprintln(a.stdout, "demo plan: U60057 already has a plan")
		}
		return err
	}
	res, err := ingest.Plans(ctx, db, "demo-plan.csv", strings.NewReader(demoPlan), store.Actor{Name: "cli:arrs seed demo"}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "demo plan: a draft of %d lines for U60057 (Shrewsbury PCN)\n", res.Lines)
	return nil
}

// defaultDemoPassword is the demo accounts' password unless --password or
// ARRS_DEMO_PASSWORD gives another. The server warns when demo accounts exist in
// production.
const defaultDemoPassword = "arrs-demo"

// demoUsers are one account per role, on the demo PCN (U60057 Shrewsbury) and its ICB
// (QOC Shropshire, Telford and Wrekin).
var demoUsers = []struct{ email, name, role, org string }{
	{"admin@example.nhs.uk", "Demo Admin", "admin", ""},
	{"icb.lead@example.nhs.uk", "Demo ICB Lead", "icb_lead", "QOC"},
	{"manager@example.nhs.uk", "Demo PCN Manager", "pcn_manager", "U60057"},
	{"director@example.nhs.uk", "Demo Clinical Director", "clinical_director", "U60057"},
}

// seedDemoUsers creates the demo accounts that do not exist yet, and prints them.
func (a *app) seedDemoUsers(ctx context.Context, db *store.DB, password string) error {
	fmt.Fprintln(a.stdout, "demo accounts (password: "+password+"):")
	for _, d := range demoUsers {
		grants, err := auth.ParseGrants(d.role, d.org)
		if err != nil {
			return err
		}
		status := "exists"
		if _, err := db.UserByEmail(ctx, d.email); errors.Is(err, store.ErrNotFound) {
			hash, err := auth.HashPassword(password, auth.DefaultParams)
			if err != nil {
				return err
			}
			// The published demo password skips the policy: the account is flagged demo,
			// and the server warns while one is active in production.
			u := auth.User{Email: d.email, Name: d.name, PasswordHash: hash, Active: true, Demo: true, Grants: grants}
			if _, err := addUser(ctx, db, u, store.Actor{Name: "cli:arrs seed demo"}); err != nil {
				return err
			}
			status = "created"
		} else if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "  %-26s %-18s %-7s %s\n", d.email, d.role, d.org, status)
	}
	return nil
}

// seedReference loads the reference data: the lists, the practices of November 2025
// and the organisations changes since, each part only once.
func (a *app) seedReference(ctx context.Context, db *store.DB) error {
	log, err := ingest.Reference(ctx, db, store.Actor{Name: "cli:arrs seed"})
	if err != nil {
		return fmt.Errorf("loading reference data: %w", err)
	}
	ref := log.Reference
	fmt.Fprintf(a.stdout, "reference data: %d regions, %d ICBs, %d sub-ICBs, %d PCNs, %d roles\n",
		len(ref.Regions), len(ref.ICBs), len(ref.SubICBs), len(ref.PCNs), len(ref.Roles))
	if len(log.Practices) == 0 && len(log.Changes) == 0 {
		fmt.Fprintln(a.stdout, "practices and organisations changes: already loaded")
	}
	for _, p := range log.Practices {
		printPracticeLog(a.stdout, p)
	}
	for _, c := range log.Changes {
		printOrgChange(a.stdout, c.FileName, c)
	}
	return nil
}

// seedDemo loads the real 30 Nov 2025 workforce; a second run finds it imported and
// changes nothing.
func (a *app) seedDemo(ctx context.Context, db *store.DB) error {
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		return err
	}
	defer f.Close()
	log, err := ingest.NWRS(ctx, db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "cli:arrs seed demo"}, nil, time.Now())
	if errors.Is(err, store.ErrAlreadyImported) || errors.Is(err, store.ErrOlderCensus) {
		fmt.Fprintln(a.stdout, "demo workforce: already loaded")
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "demo workforce: census %s, %d rows, %.1f FTE (%.1f ARRS)\n",
		log.Census.Format("2006-01-02"), log.Rows, log.FTE, log.ARRSFTE)
	return nil
}
