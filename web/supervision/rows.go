package supervision

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// PersonNames names each staff record as the pages show it, since records carry no
// names (NWRS and the staff form hold none): role (its catalogue name, else the NWRS
// role), FTE and dates, then the NWRS identifier (or record number) in brackets, as
// "Clinical pharmacist, 0.8 FTE, from 1 Dec 2025 (NWRS 12345)". The role and start
// come first because they are what a manager knows a colleague by.
func PersonNames(staff []workforce.Staff, roles []workforce.Role) map[int64]string {
	names := workforce.RoleNames(roles)
	out := make(map[int64]string, len(staff))
	for _, s := range staff {
		out[s.ID] = personName(s, roleOf(s, names))
	}
	return out
}

func personName(s workforce.Staff, role string) string {
	ident := "record " + strconv.FormatInt(s.ID, 10)
	if s.UniqueIdentifier != "" {
		ident = "NWRS " + s.UniqueIdentifier
	}
	span := "from " + s.Start.Format(dateShort)
	if !s.End.IsZero() {
		span += " to " + s.End.Format(dateShort)
	}
	return role + ", " + fteText(s.FTE) + " FTE, " + span + " (" + ident + ")"
}

// roleOf is the role a record is known by: its catalogue name, else its NWRS role.
func roleOf(s workforce.Staff, names map[string]string) string {
	return orElse(names[s.RoleCode], orElse(s.DetailedRole, s.StaffRole))
}

// fteText writes an FTE to at most two places, without trailing zeros (0.8, 1, 0.53).
func fteText(fte float64) string {
	return strconv.FormatFloat(math.Round(fte*100)/100, 'f', -1, 64)
}

// SortForPicker orders staff records as the supervisee picker lists them: by role
// name, then start date, then identifier, so that a manager finds a colleague under
// their role, the longest-serving first.
func SortForPicker(staff []workforce.Staff, roles []workforce.Role) {
	names := workforce.RoleNames(roles)
	slices.SortStableFunc(staff, func(a, b workforce.Staff) int {
		return cmp.Or(strings.Compare(roleOf(a, names), roleOf(b, names)), a.Start.Compare(b.Start),
			strings.Compare(a.UniqueIdentifier, b.UniqueIdentifier), cmp.Compare(a.ID, b.ID))
	})
}

// LinkRows are the PCN's links as the page lists them on day d, each naming its
// supervisee (people, from PersonNames) and its supervisor (supervisors, by id).
func LinkRows(pcn string, links []workforce.SupervisionLink, people, supervisors map[int64]string, d time.Time) []LinkRow {
	rows := make([]LinkRow, 0, len(links))
	for _, l := range links {
		rows = append(rows, LinkRow{ID: l.ID, Supervisee: people[l.SuperviseeID], Supervisor: supervisors[l.SupervisorID],
			Kind: l.Kind.Label(), Hours: l.HoursPerMonth, Start: l.Start, End: l.End, Status: StatusOn(l, d),
			ChangeHref: LinkHref(pcn, l.ID)})
	}
	return rows
}

// NewSummary is a PCN's coverage and supervision totals, as the supervision page and
// the dashboard show them. recorded is false when no supervisor or link is recorded:
// coverage is then not known, not 0.
func NewSummary(recorded bool, c planning.Coverage, t planning.SupervisionTotals) Summary {
	return Summary{NoSupervision: !recorded, Needing: c.Needing, Covered: c.Covered, Share: c.Share, LinkedHours: t.LinkedHours,
		GPSessions: t.GPSessions, Overloaded: t.Overloaded, OverRatio: t.OverTraineeRatio, Trainees: t.Trainees, TraineeCapacity: t.TraineeCapacity}
}

// NewSupervisorRow is a supervisor of the PCN pcn with their load on the day.
func NewSupervisorRow(pcn string, sup workforce.Supervisor, l planning.SupervisorLoad) SupervisorRow {
	return SupervisorRow{ID: sup.ID, Name: sup.Name, Profession: sup.Profession, Active: sup.Active,
		FTE: sup.FTE, Available: l.AvailableHours, Linked: l.LinkedHours, Load: l.Load, Overloaded: l.Overloaded,
		Trainees: l.Trainees, TraineeCapacity: l.TraineeCapacity, TooManyTrainees: l.TooManyTrainees,
		ChangeHref: SupervisorHref(pcn, sup.ID)}
}

// Uncovered are the staff needing clinical supervision without it (the coverage's
// Uncovered), named as PersonNames names them.
func Uncovered(c planning.Coverage, names map[int64]string) []Person {
	var out []Person
	for _, id := range c.Uncovered {
		out = append(out, Person{ID: id, Text: names[id]})
	}
	return out
}

// StatusOn is where a link stands on day d.
func StatusOn(l workforce.SupervisionLink, d time.Time) LinkStatus {
	switch {
	case l.Start.After(d):
		return LinkFuture
	case !l.Active(d):
		return LinkEnded
	}
	return LinkActive
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
