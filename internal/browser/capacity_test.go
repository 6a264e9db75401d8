package browser

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// capacityIDs are the records the supervision and rooms pages show.
type capacityIDs struct{ supervisor, link, site int64 }

// addCapacity gives U60057 a supervisor with a link, a site and a plan, and QOC some
// expected supply, so that every table of the pages is drawn.
func addCapacity(t *testing.T, db *store.DB, year workforce.FinancialYear) capacityIDs {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	var staffID int64
	if err := db.QueryRowForTest(ctx, `SELECT min(id) FROM staff WHERE pcn_code = 'U60057'`, &staffID); err != nil {
		t.Fatal(err)
	}
	sup, err := db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: "U60057", Name: "Dr Ahmed", Profession: "GP", FTE: 0.5, HoursPerMonth: 2}, by)
	if err != nil {
		t.Fatal(err)
	}
	link, err := db.CreateSupervisionLink(ctx, workforce.SupervisionLink{PCNCode: "U60057", SuperviseeID: staffID, SupervisorID: sup.ID,
		Kind: workforce.SupervisionEducational, HoursPerMonth: 3, Start: workforce.Date(2025, 1, 1)}, by)
	if err != nil {
		t.Fatal(err)
	}
	site, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U60057", Name: "Main surgery", SessionsPerWeek: 4}, by)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReplaceDrafts(ctx, "plan.csv", []workforce.PlanLine{{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: (year + 1).Start(), StartersFTE: 2}}, by); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveExpectedSupply(ctx, "QOC", year.String(), []workforce.ExpectedSupply{{RoleCode: "paramedic", Movers: 1}}, by); err != nil {
		t.Fatal(err)
	}
	return capacityIDs{sup.ID, link.ID, site.ID}
}

// TestCapacityPagesAreAccessible opens the supervision, rooms and supply pages and
// forms as an admin, with data in every table, then each form refused with its error
// summary, and requires no axe violation.
func TestCapacityPagesAreAccessible(t *testing.T) {
	st := newSite(t)
	year := workforce.FinancialYearOf(time.Now())
	ids := addCapacity(t, st.db, year)
	ctx := newBrowser(t, true)
	signIn(t, ctx, st.url, "admin@example.nhs.uk")
	sup, sites := "/pcns/U60057/supervision", "/pcns/U60057/sites"
	id := func(x int64) string { return strconv.FormatInt(x, 10) }
	supply := "/icbs/QOC/supply/" + strings.Replace(year.String(), "/", "-", 1)
	for i, p := range []string{
		sup, sup + "/supervisors/new", sup + "/supervisors/" + id(ids.supervisor), sup + "/links/new",
		sup + "/links/" + id(ids.link), sup + "/links/" + id(ids.link) + "/end",
		sites, sites + "/new", sites + "/" + id(ids.site), sites + "/" + id(ids.site) + "/remove",
		"/icbs/QOC/supply", supply,
	} {
		visit(t, ctx, st.url, p, fmt.Sprintf("capacity-%02d", i))
	}
	// Each form refused: the forms as they come (no supervisee chosen, no name), and a
	// supply that is not a number.
	refused := []struct{ path, fill string }{
		{sup + "/supervisors/new", ""}, {sup + "/links/new", ""}, {sites + "/new", ""}, {supply, "#paramedic-movers"},
	}
	for i, f := range refused {
		actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(st.url + f.path)}
		if f.fill != "" {
			actions = append(actions, chromedp.SetValue(chromedp.CSS(f.fill), "lots"))
		}
		actions = append(actions, chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`.nhsuk-error-summary`)))
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("refusing %s: %v", f.path, err)
		}
		shot(t, ctx, fmt.Sprintf("capacity-refused-%02d", i))
		axe(t, ctx, f.path+" (refused)")
	}
}
