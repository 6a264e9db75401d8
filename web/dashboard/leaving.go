package dashboard

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// NewLeaving is the PCN's staff leaving after today and no later than until, each
// named as the staff pages name them: the role's catalogue name, else its NWRS role.
func NewLeaving(pcn string, until time.Time, records []workforce.StaffRecord, roles []workforce.Role) Leaving {
	out := Leaving{Until: until}
	names := workforce.RoleNames(roles)
	for _, rec := range records {
		ident := "Record " + strconv.FormatInt(rec.ID, 10)
		if rec.UniqueIdentifier != "" {
			ident = "NWRS " + rec.UniqueIdentifier
		}
		out.People = append(out.People, Leaver{ID: rec.ID, Role: orElse(names[rec.RoleCode], orElse(rec.DetailedRole, rec.StaffRole)),
			Identifier: ident, FTE: rec.FTE, LastDay: rec.End.AddDate(0, 0, -1), ARRS: rec.IsARRS(),
			Href: "/pcns/" + pcn + "/staff/" + strconv.FormatInt(rec.ID, 10) + "/history"})
	}
	return out
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
