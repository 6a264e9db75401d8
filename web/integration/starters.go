package integration

import (
	"slices"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Starters are the new ARRS starters of the PCN's latest plan version, from today's
// quarter on, with what must be ready on their first day.
type Starters struct {
	// HasPlan is false when the PCN has no plan; Version and Status name the version
	// read.
	HasPlan bool
	Version int
	Status  string
	Rows    []Starter
}

// Starter is one plan line with starters.
type Starter struct {
	Quarter, Role, FTE string
	// NeedsSupervision: the role needs a named clinical supervisor from day one.
	NeedsSupervision bool
}

// NewStarters lists the ARRS-funded lines of a plan version with starters in today's
// quarter or later, by quarter then role, naming roles from the catalogue.
func NewStarters(number int, status workforce.PlanStatus, lines []workforce.PlanLine, roles []workforce.Role, today time.Time) Starters {
	s := Starters{HasPlan: true, Version: number, Status: status.Label()}
	from := workforce.QuarterOf(today).Start()
	for _, l := range lines {
		if l.StartersFTE <= 0 || l.QuarterStart.Before(from) || l.FundingStream() != workforce.StreamARRS {
			continue
		}
		st := Starter{Quarter: workforce.QuarterOf(l.QuarterStart).String(), Role: l.RoleCode, FTE: ui.Decimal(l.StartersFTE, 2)}
		if i := slices.IndexFunc(roles, func(r workforce.Role) bool { return r.Code == l.RoleCode }); i >= 0 {
			st.Role, st.NeedsSupervision = roles[i].Name, roles[i].NeedsSupervision
		}
		s.Rows = append(s.Rows, st)
	}
	return s
}

func (s Starters) table() ui.TableParams {
	t := ui.TableParams{Caption: "Planned ARRS starters", CaptionSize: ui.SizeM, FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Quarter"}, {Text: "Role"}, {Text: "Starters (FTE)", Numeric: true}, {Text: "Ready on their first day"}}}
	for i, r := range s.Rows {
		t.Rows = append(t.Rows, ui.TableRow{TestID: "starter-" + strconv.Itoa(i), Cells: []ui.TableCell{
			{Text: r.Quarter}, {Text: r.Role}, {Text: r.FTE, Numeric: true}, {Content: readyList(r)}}})
	}
	return t
}
