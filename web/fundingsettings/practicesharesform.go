package fundingsettings

import (
	"net/url"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/ui"
)

// sharePlaces is the decimal places of a practice's percentage (practice_shares keeps
// 4), so that three practices can agree 33.3333, 33.3333 and 33.3334.
const sharePlaces = 4

// SharesForm is the view model of the form that records a PCN's agreed percentages,
// one per member practice today, and of the action that goes back to the list split.
type SharesForm struct {
	Frame
	PCNCode     string
	Practices   []SharePractice
	AgreedOn    input.Date
	AgreedParts []string
	// HasSet offers going back to the split by list (a set is recorded).
	HasSet bool
	// total is the sum of the percentages typed, in their smallest unit.
	total int64
}

// SharePractice is one member practice's field.
type SharePractice struct {
	Code, Name, Percent string
}

// Key is the field's name and id.
func (p SharePractice) Key() string { return "percent-" + p.Code }

// totalDescribedBy is what describes the percentages' fieldset: its hint, and the
// message about the whole set when there is one.
func (f SharesForm) totalDescribedBy() string {
	if f.Errors["total"] != "" {
		return "total-hint total-error"
	}
	return "total-hint"
}

// Action is where the form posts.
func (f SharesForm) Action() string { return PracticeSharesHref(f.PCNCode) + "/edit" }

func (f SharesForm) errorSummary() ui.ErrorSummaryParams {
	order := make([]string, 0, len(f.Practices)+2)
	for _, p := range f.Practices {
		order = append(order, p.Key())
	}
	s := f.summary(append(order, "total", "agreed_on"), map[string]string{"agreed_on": input.FirstBox(f.AgreedParts)})
	for i, item := range s.Errors {
		if item.Href == "#total" && len(f.Practices) > 0 {
			s.Errors[i].Href = "#" + f.Practices[0].Key()
		}
	}
	return s
}

// NewSharesForm is the form for the PCN's members (today's), filled from the set
// recorded (nil: none, the fields are empty).
func NewSharesForm(pcn string, members []planning.PracticeInput, set *SetInfo, version int) SharesForm {
	f := SharesForm{PCNCode: pcn, Frame: Frame{Version: version}, HasSet: set != nil}
	for _, m := range members {
		p := SharePractice{Code: m.Code, Name: m.Name}
		if set != nil {
			for _, s := range set.Shares {
				if s.PracticeCode == m.Code {
					p.Percent = strings.TrimSuffix(percentText(s.Percent/100, sharePlaces), "%")
				}
			}
		}
		f.Practices = append(f.Practices, p)
	}
	if set != nil {
		f.AgreedOn = input.DateOf(set.AgreedOn)
	}
	return f
}

// ReadShares reads a submitted form into f (kept as typed; f holds the members and
// version) and the percentages of its members, with the day they were agreed; every
// problem is in f.Errors, planning.CheckPracticeShares's among them.
func (f *SharesForm) ReadShares(v url.Values, today time.Time) ([]workforce.PracticeShare, time.Time) {
	f.Errors, f.total = map[string]string{}, 0
	f.AgreedOn = input.PostedDate(v, "agreed_on")
	limits := make([]input.Limit, 0, len(f.Practices))
	for i, p := range f.Practices {
		f.Practices[i].Percent = strings.TrimSpace(v.Get(p.Key()))
		limits = append(limits, input.Limit{Name: p.Key(), Label: "The percentage of " + p.Name, Max: workforce.MaxCodeLength})
	}
	if input.TooLong(v, f.Errors, limits...) {
		return nil, time.Time{}
	}
	shares := make([]workforce.PracticeShare, 0, len(f.Practices))
	members := make([]string, 0, len(f.Practices))
	for _, p := range f.Practices {
		members = append(members, p.Code)
		shares = append(shares, workforce.PracticeShare{PracticeCode: p.Code, Percent: f.readOne(p)})
	}
	agreed := readAgreedOn(f.AgreedOn, today, f.Errors, &f.AgreedParts)
	if len(f.Errors) == 0 {
		f.addProblems(planning.CheckPracticeShares(members, shares))
	}
	return shares, agreed
}

// readOne reads one practice's percentage: 0 to 100, up to 4 decimal places.
func (f *SharesForm) readOne(p SharePractice) float64 {
	units, ok := readPercent(p.Percent, sharePlaces)
	switch {
	case p.Percent == "":
		f.Errors[p.Key()] = "Enter the percentage of " + p.Name + ", 0 if it pays no part"
	case !ok:
		f.Errors[p.Key()] = "Enter the percentage of " + p.Name + " as a number from 0 to 100, with up to 4 decimal places"
	case units > 100*pow10(sharePlaces):
		f.Errors[p.Key()] = "The percentage of " + p.Name + " must be no more than 100"
	}
	f.total += units
	return float64(units) / float64(pow10(sharePlaces))
}

// addProblems puts each problem against its practice's field when it names one, else
// against the whole set.
func (f *SharesForm) addProblems(ps workforce.Problems) {
	for _, pr := range ps {
		key := "total"
		for _, p := range f.Practices {
			if pr.Field == p.Code || pr.Field == p.Key() {
				key = p.Key()
			}
		}
		if f.Errors[key] == "" {
			f.Errors[key] = pr.Message
		}
	}
}

// NotWhole refuses percentages that do not add up to exactly 100 (the store's check).
func (f *SharesForm) NotWhole() {
	f.Errors["total"] = "The percentages add up to " + unitsText(f.total, sharePlaces) + "%: they must add up to exactly 100%"
}

// SharesFields describe a set as a stale save shows it (nil set: removed, the PCN
// splits by list).
func SharesFields(set *SetInfo, names map[string]string) []Field {
	if set == nil {
		return []Field{}
	}
	out := []Field{{"Date agreed", longDay(set.AgreedOn)}, {"Recorded by", set.RecordedBy}}
	for _, s := range set.Shares {
		out = append(out, Field{nameOf(names, s.PracticeCode), percentText(s.Percent/100, sharePlaces)})
	}
	return out
}
