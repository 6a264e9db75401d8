package pulse

import (
	"net/url"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// DefaultRoundDays is how long a round stays open unless the manager says otherwise:
// three weeks.
const DefaultRoundDays = 21

// ClosesField is the closing date's input.
const ClosesField = "closes"

// GroupCount is how many links a role group gets.
type GroupCount struct {
	Label string
	N     int
}

// NewForm is the view model of the page that opens a round: the closing date as
// typed, the links it will issue and the messages.
type NewForm struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	Today            time.Time
	Closes           input.Date
	Parts            []string
	Errors           map[string]string
	Links            int
	Groups           []GroupCount
	// Problem refuses the round outright (no staff, a round already open).
	Problem string
}

// NewRoundForm is the form with the default closing date, for the role groups of the
// ARRS staff in post today.
func NewRoundForm(pcnCode, pcnName string, today time.Time, groups []workforce.RoleGroup) NewForm {
	f := NewForm{PCNCode: pcnCode, PCNName: pcnName, Today: today, Links: len(groups), Errors: map[string]string{},
		Closes: input.DateOf(today.AddDate(0, 0, DefaultRoundDays))}
	for _, g := range workforce.RoleGroups {
		n := 0
		for _, x := range groups {
			if x == g {
				n++
			}
		}
		if n > 0 {
			f.Groups = append(f.Groups, GroupCount{Label: g.Label(), N: n})
		}
	}
	switch {
	case f.Links == 0:
		f.Problem = "No ARRS staff are in post in " + pcnName + " today, by its staff records, so there is no one to send a link to."
	case f.Links > workforce.MaxPulseLinks:
		f.Problem = "A round issues at most " + ui.Count(workforce.MaxPulseLinks) + " links; " + pcnName + " has " + ui.Count(f.Links) + " ARRS staff in post."
	}
	return f
}

// FirstClose is the earliest closing day a round opened today may take.
func (f NewForm) FirstClose() time.Time { return f.Today.AddDate(0, 0, workforce.MinPulseRoundDays) }

// LastClose is the latest closing day a round opened today may take.
func (f NewForm) LastClose() time.Time { return f.Today.AddDate(0, 0, workforce.MaxPulseRoundDays) }

// Read reads the closing date: required, at least MinPulseRoundDays and at most
// MaxPulseRoundDays ahead.
func (f *NewForm) Read(v url.Values) time.Time {
	f.Closes = input.PostedDate(v, ClosesField)
	d := input.ReadDate(f.Closes, "Closing date", true, f.Errors, ClosesField, &f.Parts)
	switch {
	case f.Errors[ClosesField] != "":
	case d.Before(f.FirstClose()):
		f.Errors[ClosesField] = "The closing date must be at least " + strconv.Itoa(workforce.MinPulseRoundDays) + " days after today: " + f.FirstClose().Format(dateLong) + " or later"
	case d.After(f.LastClose()):
		f.Errors[ClosesField] = "Closing date must be on or before " + f.LastClose().Format(dateLong) + ", " + strconv.Itoa(workforce.MaxPulseRoundDays) + " days from today"
	}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Problem != ""
	return d
}

func (f NewForm) errorSummary() ui.ErrorSummaryParams {
	s := input.ErrorSummary(f.Errors, "", []string{ClosesField}, map[string]string{ClosesField: input.FirstBox(f.Parts)})
	if f.Problem != "" && f.Layout.HasErrors {
		s.Errors = append([]ui.ErrorSummaryItem{{Text: f.Problem, Href: "#problem"}}, s.Errors...)
	}
	return s
}

func (f NewForm) dateInput() ui.DateInputParams {
	return input.DateParams(ClosesField, "Closing date",
		"The last day to answer is the day before the closing date. For example, "+f.Today.AddDate(0, 0, DefaultRoundDays).Format("2 1 2006")+". At least "+strconv.Itoa(workforce.MinPulseRoundDays)+" and at most "+strconv.Itoa(workforce.MaxPulseRoundDays)+" days from today.",
		f.Closes, f.Errors[ClosesField], f.Parts)
}

// CloseForm is the view model of the page that closes a round.
type CloseForm struct {
	Layout             layout.PageParams
	PCNCode, PCNName   string
	ID                 int64
	Version            int
	OpenedOn, ClosesOn time.Time
	Responses, Links   int
	// Today is the server's day; Earliest the first day the round may be closed
	// (store.EarliestPulseClose).
	Today, Earliest time.Time
	// Stale says someone else changed the round since the page was opened.
	Stale bool
	// Problem is the store's refusal of a close (too early).
	Problem string
}

// CanClose says the round may be closed today: it has been open at least
// workforce.MinPulseRoundDays, and does not close by itself first.
func (f CloseForm) CanClose() bool { return !f.Today.Before(f.Earliest) && !f.ClosesByItself() }

// ClosesByItself says the round closes on its own day before it could be closed by
// hand (its first day to close is on or after its closing day).
func (f CloseForm) ClosesByItself() bool { return !f.Earliest.Before(f.ClosesOn) }

// ClosesByItselfText says so, for the page and for a close posted anyway.
func (f CloseForm) ClosesByItselfText() string {
	return "This round closes by itself on " + f.ClosesOn.Format(dateLong) + ". A round stays open at least " +
		strconv.Itoa(workforce.MinPulseRoundDays) + " days, so it cannot be closed before then."
}

// Gone is the page of a closed round's links or close page: its links were deleted
// when it closed, so there is nothing to print or close.
type Gone struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	ClosedOn         time.Time
}

// LinksPage is the printable sheet of the links left of an open round: a link is
// deleted as it is used, so the sheet lists the links not used yet and says how many
// were (Used).
type LinksPage struct {
	PCNCode, PCNName   string
	OpenedOn, ClosesOn time.Time
	Groups             []LinkGroup
	Used               int
}

// LinkGroup is a role group's links, as full addresses.
type LinkGroup struct {
	Key, Label string
	URLs       []string
}

// Count is how many links the sheet holds.
func (p LinksPage) Count() int {
	n := 0
	for _, g := range p.Groups {
		n += len(g.URLs)
	}
	return n
}

// NewLinksPage groups a round's links (by group, in RoleGroups' order) as addresses
// under base (scheme and host).
func NewLinksPage(pcnCode, pcnName string, round workforce.PulseRound, base string, links []LinkToken) LinksPage {
	p := LinksPage{PCNCode: pcnCode, PCNName: pcnName, OpenedOn: round.OpenedOn, ClosesOn: round.ClosesOn, Used: max(0, round.LinksIssued-len(links))}
	for _, g := range workforce.RoleGroups {
		lg := LinkGroup{Key: string(g), Label: g.Label()}
		for _, l := range links {
			if l.Group == g {
				lg.URLs = append(lg.URLs, base+FormPath(l.Token))
			}
		}
		if len(lg.URLs) > 0 {
			p.Groups = append(p.Groups, lg)
		}
	}
	return p
}

// LinkToken is a link as the sheet needs it.
type LinkToken struct {
	Token string
	Group workforce.RoleGroup
}

// list is a group's links, one per line, for the copyable box.
func (g LinkGroup) list() string {
	s := ""
	for _, u := range g.URLs {
		s += u + "\n"
	}
	return s
}
