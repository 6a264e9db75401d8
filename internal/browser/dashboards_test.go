package browser

import (
	"fmt"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestDashboardPagesAreAccessible opens the clinical director's dashboard and the ICB
// comparison (sorted, too) with data in every chart and table, signed in as the demo
// director and as an admin, and requires no axe violation.
func TestDashboardPagesAreAccessible(t *testing.T) {
	st := newSite(t)
	addCapacity(t, st.db, workforce.FinancialYearOf(time.Now()))
	ctx := newBrowser(t, true)
	signIn(t, ctx, st.url, "director@example.nhs.uk")
	for i, p := range []string{"/", "/pcns/U60057", "/pcns/U60057/dashboard", "/icbs/QOC/compare"} {
		visit(t, ctx, st.url, p, fmt.Sprintf("dashboards-director-%02d", i))
	}
	signOut(t, ctx)
	signIn(t, ctx, st.url, "admin@example.nhs.uk")
	for i, p := range []string{"/icbs/QOC", "/pcns/U79722/dashboard", "/icbs/QOC/compare?sort=reached&dir=desc", "/icbs/QSL/compare"} {
		visit(t, ctx, st.url, p, fmt.Sprintf("dashboards-admin-%02d", i))
	}
}
