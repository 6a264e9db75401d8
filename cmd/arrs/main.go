// Command arrs is ARRS Planner: the web server and the analysts' command line in one
// binary. Run `arrs help` for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"syscall"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/store"
)

const usage = `usage:
  arrs serve                                   HTTP on $ADDR (default :8080)
  arrs migrate up|down N|version
  arrs seed reference                          regions, ICBs, sub-ICBs, PCNs, roles, caps, rates, default target,
                                               the practices of Nov 2025 and the ICB changes of April 2026
  arrs seed demo [--password P]                reference + the real Nov 2025 workforce + demo accounts
  arrs user add --email E --name N --role R --org CODE[,CODE] [--password P]
  arrs import nwrs FILE                        NHS England PCN Workforce individual-level CSV (plain or .gz)
  arrs import populations FILE                 weighted populations: pcn_code,weighted_population,effective_date
  arrs import plans FILE                       plan lines: pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp
  arrs import practices FILE                   an NHS England GP practice file (mapping, totals or 5-year ages; plain or .gz)
                                               or a Fingertips practice deprivation file, known by its header
  arrs import organisations DIR                an ICB change folder laid out as organisations_2026-04 (icbs_, icb_changes_,
                                               pcn_icb_ and practice_icb_ files for one day)
  arrs target set NAME --fte N --baseline DATE --deadline DATE [--default] [--milestone DATE=FTE[:label]]...
  arrs report workforce [--level england|region|icb|pcn] [--at DATE] [--footprints as-it-was|current] [--format csv|table|json]
  arrs report gaps [--target NAME] [--level england|region|icb|pcn | --icb CODE] [--at DATE] [--as-of DATE] [--drafts]
                   [--denominator list|need] [--footprints as-it-was|current] [--format csv|table|json|xlsx]
  arrs report plan --pcn CODE [--version N] [--format csv|xlsx]      a version of a PCN's plan, as its page downloads it
  arrs report funding [--level england|region|icb|pcn] [--year 2026/27] [--stream arrs|practice_gp|other] [--drafts]
                     [--format csv|table|json]                       each area's entitlement, committed, planned and headroom
  arrs report claims --pcn CODE [--year 2026/27] [--format csv|table|json|xlsx]
                                                                     a PCN's monthly claim schedule, as its page downloads it
  arrs report cashflow --pcn CODE [--year 2026/27] [--lag MONTHS] [--uplift PCT --uplift-month YYYY-MM]
                       [--format csv|table|json|xlsx]                a PCN's cash month by month, as its page downloads it
  arrs report need [--level england|region|icb|pcn] [--at DATE] [--as-of DATE] [--footprints as-it-was|current]
                   [--format csv|table|json|xlsx]                  need-adjusted population, observed and expected ARRS FTE,
                                                                     the ratio and its 95% and 99.8% funnel limits
  arrs report compare --icb CODE [--footprints as-it-was|current] [--format csv|xlsx]
                                                                     an ICB's PCNs compared, as its page downloads it
  arrs report integration [--level england|region|icb|pcn] [--as-of DATE] [--format csv|table|json|xlsx]
                                                                     each area's ARRS staff, the count of each integration
                                                                     warning and the answers to the latest closed pulse rounds

DATABASE_URL selects the database (default: the local cluster of make run).`

// errUsage marks a mistake in the command line itself.
var errUsage = errors.New("bad usage")

// newFlags is a command's flag set. It prints nothing itself: a mistake comes back as
// an errUsage, and main prints the usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses a command's flags and refuses an argument left over.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, fs.Arg(0))
	}
	return nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "arrs:", err)
		if errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, usage)
		}
		os.Exit(1)
	}
}

// app is what every command needs: the settings and where to write.
type app struct {
	cfg    config.Config
	stdout io.Writer
	stderr io.Writer
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stdout, usage)
		return nil
	}
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	a := &app{cfg: cfg, stdout: stdout, stderr: stderr}
	commands := map[string]func(context.Context, []string) error{
		"serve":   a.serve,
		"migrate": a.migrate,
		"seed":    a.seed,
		"import":  a.importFile,
		"report":  a.report,
		"user":    a.user,
		"target":  a.target,
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	return cmd(ctx, args[1:])
}

// open connects to the configured database.
func (a *app) open(ctx context.Context) (*store.DB, error) {
	if a.cfg.ServerTiming {
		return store.Open(ctx, a.cfg.DatabaseURL, store.TraceSQL())
	}
	return store.Open(ctx, a.cfg.DatabaseURL)
}

// cliActor names the command line's changes in the audit trail: "cli:" and the
// operating-system user who ran it.
func cliActor() store.Actor {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return store.Actor{Name: "cli:" + name}
}
