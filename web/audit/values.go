package audit

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// formatter writes an audited record's values for people.
type formatter struct {
	roles map[string]string // role code → name
}

// noneText stands for a value that is not set (null, "", a zero time).
const noneText = "none"

// listShown is how many items of a list a line shows before "and n more": a plan's
// lines run to hundreds, and the raw JSON has them all.
const listShown = 5

// roleFields hold a role code, shown by its name.
var roleFields = map[string]bool{"role_code": true, "role": true, "RoleCode": true}

// wordFields hold codes made of words ("host_practice", "clinic_practice"), shown as
// words.
var wordFields = map[string]bool{"status": true, "Kind": true, "employment_model": true, "grants": true}

// value writes one value of the field at p: money in pounds, dates as "1 April
// 2026", yes or no, a role by its name, numbers with thousands separated.
func (f formatter) value(p path, v any) string {
	k := p.last()
	switch v := v.(type) {
	case nil:
		return noneText
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case json.Number:
		return f.number(k, v)
	case string:
		return f.text(k, v)
	case []any:
		return f.list(p, v)
	case map[string]any:
		return f.object(p, v)
	}
	return noneText
}

func (f formatter) number(k string, n json.Number) string {
	x, err := n.Float64()
	switch {
	case err != nil:
		return n.String()
	case strings.HasSuffix(k, "_pence") || strings.HasSuffix(k, "Pence"):
		return workforce.Pence(math.Round(x)).Short()
	case strings.HasSuffix(k, "_gbp"):
		return workforce.Pence(math.Round(x * 100)).Short()
	case k == "SuperviseeID":
		return "staff record " + n.String()
	case k == "SupervisorID":
		return "supervisor " + n.String()
	}
	return number(x)
}

// number writes a count or measure to at most six places, thousands separated.
func number(x float64) string {
	x = math.Round(x*1e6) / 1e6
	s := strconv.FormatFloat(x, 'f', -1, 64)
	places := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		places = len(s) - i - 1
	}
	return ui.Decimal(x, places)
}

func (f formatter) text(k, s string) string {
	if s == "" {
		return noneText
	}
	if d, ok := date(s); ok {
		return d
	}
	if roleFields[k] {
		if name := f.roles[s]; name != "" {
			return name
		}
	}
	if k == "lines" {
		if line, ok := f.planLine(s); ok {
			return line
		}
	}
	if stream, ok := workforce.ParseStream(s); ok && streamFields[k] {
		return stream.Label()
	}
	if wordFields[k] {
		return strings.ReplaceAll(s, "_", " ")
	}
	return s
}

// streamFields hold a funding stream, shown by its label ("Practice GP scheme").
var streamFields = map[string]bool{"funding_stream": true, "Stream": true}

// date writes a date ("2026-04-01") or a time ("2026-04-01T00:00:00Z", as Go writes
// a time.Time) for people: "1 April 2026", with the time of day when it has one; the
// zero time is "none".
func date(s string) (string, bool) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d.Format("2 January 2006"), true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	switch {
	case err != nil:
		return "", false
	case t.IsZero():
		return noneText, true
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format("2 January 2006"), true
	}
	return t.UTC().Format("2 January 2006 15:04 UTC"), true
}

// list writes a list's first items, "; " between them, and how many more there are.
func (f formatter) list(p path, items []any) string {
	if len(items) == 0 {
		return noneText
	}
	shown := make([]string, 0, listShown)
	for _, v := range items[:min(len(items), listShown)] {
		shown = append(shown, f.value(p, v))
	}
	s := strings.Join(shown, "; ")
	if more := len(items) - len(shown); more > 0 {
		s += "; and " + strconv.Itoa(more) + " more"
	}
	return s
}

// object writes an object inside a list ("Effective date: 1 April 2026, Weighted:
// 10,000"), its keys sorted.
func (f formatter) object(p path, o map[string]any) string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		at := append(slices.Clip(p), k)
		if !hidden(at) {
			parts = append(parts, upperFirst(f.label(path{k}))+": "+f.value(at, o[k]))
		}
	}
	return strings.Join(parts, ", ")
}

// planLine writes a plan line as the audit trail keeps it ("clinical_pharmacist
// 2027/28 Q3 1 0 45000", store.auditLines) for people: "Clinical pharmacist, 2027/28
// Q3: 1 FTE starting, 0 leaving, £45,000 a year" (cost "-": not known).
func (f formatter) planLine(s string) (string, bool) {
	parts := strings.Fields(s)
	if len(parts) != 6 {
		return "", false
	}
	role := f.roles[parts[0]]
	if role == "" {
		role = strings.ReplaceAll(parts[0], "_", " ")
	}
	cost := "cost not known"
	if p, ok := workforce.ParsePounds(parts[5]); ok {
		cost = p.Whole() + " a year"
	}
	return role + ", " + parts[1] + " " + parts[2] + ": " + parts[3] + " FTE starting, " + parts[4] + " leaving, " + cost, true
}
