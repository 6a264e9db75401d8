package admin

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
)

// TargetRows lists the targets as the page shows them.
func TargetRows(all []workforce.Target) []TargetRow {
	rows := make([]TargetRow, 0, len(all))
	for _, t := range all {
		rows = append(rows, TargetRow{Name: t.Name, FTE: t.FTE, Baseline: t.Baseline, Deadline: t.Deadline, Default: t.IsDefault, Milestones: milestonesText(t.Milestones, "; ")})
	}
	return rows
}

// targetLimits are the target form's text inputs with their limits.
var targetLimits = []input.Limit{
	{Name: "name", Label: "Name", Max: workforce.MaxNameLength},
	{Name: "fte", Label: "Additional FTE", Max: workforce.MaxCodeLength},
	{Name: "baseline", Label: "Baseline", Max: workforce.MaxCodeLength},
	{Name: "deadline", Label: "Deadline", Max: workforce.MaxCodeLength},
	{Name: "milestones", Label: "Milestones", Max: workforce.MaxListLength},
}

// ReadTargetForm reads the posted target form, as typed, and the target it holds,
// checked (workforce.Target.Validate) once every field could be read; every problem
// is in the form's Errors.
func ReadTargetForm(v url.Values) (TargetForm, workforce.Target) {
	f := TargetForm{Name: strings.TrimSpace(v.Get("name")), FTE: strings.TrimSpace(v.Get("fte")),
		Baseline: strings.TrimSpace(v.Get("baseline")), Deadline: strings.TrimSpace(v.Get("deadline")),
		Milestones: v.Get("milestones"), Default: v.Get("default") == "yes", Errors: map[string]string{}}
	var t workforce.Target
	if !input.TooLong(v, f.Errors, targetLimits...) {
		t = f.parse()
	}
	if len(f.Errors) == 0 {
		input.AddProblems(f.Errors, t.Validate())
	}
	return f, t
}

// parse reads the typed fields, noting what cannot be read at all.
func (f *TargetForm) parse() workforce.Target {
	t := workforce.Target{Name: f.Name, IsDefault: f.Default, Milestones: []workforce.Milestone{}}
	var err error
	if t.FTE, err = strconv.ParseFloat(f.FTE, 64); err != nil || math.IsNaN(t.FTE) {
		f.Errors["fte"] = "Enter the additional FTE as a number, such as 26000"
	}
	if t.Baseline, err = workforce.ParseDate(f.Baseline); err != nil {
		f.Errors["baseline"] = "Enter the baseline as a date in the form YYYY-MM-DD"
	}
	if t.Deadline, err = workforce.ParseDate(f.Deadline); err != nil {
		f.Errors["deadline"] = "Enter the deadline as a date in the form YYYY-MM-DD"
	}
	for i, line := range strings.Split(f.Milestones, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		m, ok := parseMilestone(fields)
		if !ok {
			f.Errors["milestones"] = fmt.Sprintf("Line %d of the milestones: write a date YYYY-MM-DD, a number of FTE and a label", i+1)
			continue
		}
		t.Milestones = append(t.Milestones, m)
	}
	return t
}

// parseMilestone reads a line of the milestones box: a date, an FTE and a label.
func parseMilestone(fields []string) (workforce.Milestone, bool) {
	if len(fields) < 2 {
		return workforce.Milestone{}, false
	}
	due, err1 := workforce.ParseDate(fields[0])
	fte, err2 := strconv.ParseFloat(fields[1], 64)
	return workforce.Milestone{Due: due, FTE: fte, Label: strings.Join(fields[2:], " ")}, err1 == nil && err2 == nil
}

// milestonesText writes milestones as the milestones box reads them, joined by sep.
func milestonesText(ms []workforce.Milestone, sep string) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		parts = append(parts, strings.TrimSpace(m.Due.Format(workforce.DateLayout)+" "+strconv.FormatFloat(m.FTE, 'f', -1, 64)+" "+m.Label))
	}
	return strings.Join(parts, sep)
}
