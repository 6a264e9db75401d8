package supervision

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
)

// LinkChoices is what a link form of a PCN offers and accepts: the PCN's staff
// records and supervisors, the day the page describes, and the names the pages give
// records (PersonNames).
type LinkChoices struct {
	PCNCode     string
	Day         time.Time
	Staff       []workforce.Staff
	Supervisors []workforce.Supervisor
	Names       map[int64]string
}

// NewLinkForm is the form that adds a link: clinical supervision from the day shown.
func (c LinkChoices) NewLinkForm() LinkForm {
	return LinkForm{Kind: string(workforce.SupervisionClinical), Start: input.DateOf(c.Day)}
}

// Offer fills the form's selects: the staff records not ended by the day (in the
// order of Staff: SortForPicker's) and the active supervisors, and whoever the link
// names already.
func (c LinkChoices) Offer(f LinkForm) LinkForm {
	for _, rec := range c.Staff {
		id := strconv.FormatInt(rec.ID, 10)
		if rec.End.IsZero() || rec.End.After(c.Day) || id == f.Supervisee {
			f.Supervisees = append(f.Supervisees, Option{Value: id, Text: c.Names[rec.ID]})
		}
	}
	for _, sup := range c.Supervisors {
		id := strconv.FormatInt(sup.ID, 10)
		if sup.Active || id == f.Supervisor {
			f.Supervisors = append(f.Supervisors, Option{Value: id, Text: SupervisorOption(sup)})
		}
	}
	return f
}

// SupervisorOption names a supervisor in the picker by what tells them apart: name,
// profession, working time and the hours a month they give to supervision, as
// "Dr Ahmed, GP, 1 FTE, 6 hours a month for supervision".
func SupervisorOption(s workforce.Supervisor) string {
	text := s.Name + ", " + s.Profession + ", " + fteText(s.FTE) + " FTE, " + fteText(s.HoursPerMonth) + " hours a month for supervision"
	if !s.Active {
		text += " (no longer supervising)"
	}
	return text
}

// ReadLink reads a submitted link form into f (kept as typed) and a link built on
// base at the version f holds (the posted one, for a change), checking that the
// supervisee is a staff record of the PCN and the supervisor one of its supervisors
// (an inactive one only if the link named them already), then
// workforce.SupervisionLink.Validate.
func (c LinkChoices) ReadLink(v url.Values, f *LinkForm, base workforce.SupervisionLink) workforce.SupervisionLink {
	f.Errors = map[string]string{}
	f.Supervisee, f.Supervisor, f.Kind = v.Get("supervisee"), v.Get("supervisor"), v.Get("kind")
	f.Hours = strings.TrimSpace(v.Get("hours"))
	f.Start, f.End = input.PostedDate(v, "start"), input.PostedDate(v, "end")
	if input.TooLong(v, f.Errors, input.Limit{Name: "hours", Label: "Hours a month", Max: workforce.MaxCodeLength}) {
		return base
	}
	l := base
	l.PCNCode, l.Kind, l.Version = c.PCNCode, workforce.SupervisionKind(f.Kind), f.Version
	l.SuperviseeID = c.superviseeID(f.Supervisee, f.Errors)
	l.SupervisorID = c.supervisorID(f.Supervisor, base.SupervisorID, f.Errors)
	l.HoursPerMonth = input.Decimal(f.Hours, "hours", "Enter the hours a month the link takes", "Hours a month must be a number, like 2", f.Errors)
	l.Start = input.ReadDate(f.Start, "Start date", true, f.Errors, "start", &f.StartParts)
	l.End = input.ReadDate(f.End, "End date", false, f.Errors, "end", &f.EndParts)
	input.AddProblems(f.Errors, l.Validate())
	return l
}

func (c LinkChoices) superviseeID(v string, errs map[string]string) int64 {
	if v == "" {
		return 0 // Validate asks for one
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	if !slices.ContainsFunc(c.Staff, func(s workforce.Staff) bool { return s.ID == id }) {
		errs["supervisee"] = "Select a member of staff of this PCN"
	}
	return id
}

func (c LinkChoices) supervisorID(v string, current int64, errs map[string]string) int64 {
	if v == "" {
		return 0
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	if !slices.ContainsFunc(c.Supervisors, func(s workforce.Supervisor) bool { return s.ID == id && (s.Active || id == current) }) {
		errs["supervisor"] = "Select a supervisor of this PCN who still supervises"
	}
	return id
}

// LinkFormOf fills the change form from a stored link.
func LinkFormOf(l workforce.SupervisionLink) LinkForm {
	return LinkForm{Frame: Frame{ID: l.ID, Version: l.Version},
		Supervisee: strconv.FormatInt(l.SuperviseeID, 10), Supervisor: strconv.FormatInt(l.SupervisorID, 10),
		Kind: string(l.Kind), Hours: input.NumberText(l.HoursPerMonth), Start: input.DateOf(l.Start), End: input.DateOf(l.End)}
}

// LinkFields describes a link as the pages show it.
func (c LinkChoices) LinkFields(l workforce.SupervisionLink) []Field {
	sup := ""
	for _, x := range c.Supervisors {
		if x.ID == l.SupervisorID {
			sup = x.Name
		}
	}
	end := "Open"
	if !l.End.IsZero() {
		end = l.End.Format("2 January 2006")
	}
	return []Field{{Label: "Supervisee", Value: c.Names[l.SuperviseeID]}, {Label: "Supervisor", Value: sup},
		{Label: "Kind", Value: l.Kind.Label()}, {Label: "Hours a month", Value: input.NumberText(l.HoursPerMonth)},
		{Label: "Start date", Value: l.Start.Format("2 January 2006")}, {Label: "End date", Value: end}}
}

// EndFormOf is the form that ends a stored link, its end date filled: the link's own,
// else the day shown.
func (c LinkChoices) EndFormOf(l workforce.SupervisionLink) EndForm {
	end := l.End
	if end.IsZero() {
		end = c.Day
	}
	return EndForm{Frame: Frame{ID: l.ID, Version: l.Version}, Link: c.LinkFields(l), End: input.DateOf(end)}
}

// ReadEnd reads a submitted end form of link l into the form (kept as typed) and the
// link ended, at the version the form holds (the posted one), then
// workforce.SupervisionLink.Validate.
func (f *EndForm) ReadEnd(v url.Values, l workforce.SupervisionLink) workforce.SupervisionLink {
	f.Errors, f.End = map[string]string{}, input.PostedDate(v, "end")
	l.Version = f.Version
	l.End = input.ReadDate(f.End, "End date", true, f.Errors, "end", &f.Parts)
	input.AddProblems(f.Errors, l.Validate())
	return l
}
