package workforce

import (
	"strings"
	"time"
)

// SupervisionKind is one of the three kinds of supervision NHS England's guidance
// names (DOMAIN.md, "Supervision"), as supervision_links stores them.
type SupervisionKind string

// The kinds of supervision.
const (
	// SupervisionClinical is clinical or professional supervision: regular, by a named
	// senior practitioner. Only it counts towards coverage (PLANNING.md).
	SupervisionClinical SupervisionKind = "clinical"
	// SupervisionClinicPractice is day-to-day supervision by a named or duty senior
	// clinician.
	SupervisionClinicPractice SupervisionKind = "clinic_practice"
	// SupervisionEducational is for someone in training.
	SupervisionEducational SupervisionKind = "educational"
)

// SupervisionKinds lists the kinds in the order forms offer them.
var SupervisionKinds = []SupervisionKind{SupervisionClinical, SupervisionClinicPractice, SupervisionEducational}

// Label is the kind's name for people.
func (k SupervisionKind) Label() string {
	switch k {
	case SupervisionClinical:
		return "Clinical or professional"
	case SupervisionClinicPractice:
		return "Clinic or practice"
	case SupervisionEducational:
		return "Educational"
	}
	return string(k)
}

// Limits of supervision entered by hand.
const (
	// HoursPerMonthPerWTE is a full-time month: 37.5 hours a week × 52 ÷ 12.
	HoursPerMonthPerWTE = HoursPerWTE * 52 / 12
	// MaxSupervisorFTE bounds a supervisor's working time, as MaxPersonFTE a staff
	// record's.
	MaxSupervisorFTE = MaxPersonFTE
	// MaxLinkHoursPerMonth bounds one link: half a full-time month of one supervisor
	// spent on one supervisee is already more than any guidance asks.
	MaxLinkHoursPerMonth = 80
	// maxNameLength bounds names and professions typed in forms.
	maxNameLength = MaxNameLength
)

// Supervisor is a GP or senior clinician who supervises a PCN's staff. They need not
// be a staff record: GPs are not ARRS staff.
type Supervisor struct {
	ID         int64
	PCNCode    string
	Name       string
	Profession string
	// FTE is their working time, for the trainee ratio (at most 4 trainees per
	// full-time supervisor, pro rata).
	FTE float64
	// HoursPerMonth is the time a month they can give to supervision, every hour of it
	// taken from their own clinical work (supervision is not reimbursed).
	HoursPerMonth float64
	// Active is false once they no longer supervise.
	Active  bool
	Version int
}

// Validate checks a supervisor: a name and profession, an FTE above 0 and no more than
// 2, and hours available that fit in their working time.
func (s Supervisor) Validate() Problems {
	var out []Problem
	out = appendText(out, "name", s.Name, "Enter the supervisor's name", "Name")
	out = appendText(out, "profession", s.Profession, "Enter the supervisor's profession, such as GP", "Profession")
	if !(s.FTE > 0) || s.FTE > MaxSupervisorFTE {
		out = append(out, Problem{"fte", "FTE must be more than 0 and no more than 2"})
		return out
	}
	if s.HoursPerMonth < 0 || s.HoursPerMonth > s.FTE*HoursPerMonthPerWTE+1e-9 {
		out = append(out, Problem{"hours", "Hours available a month must be 0 or more, and no more than their working hours (" +
			trimFloat(s.FTE*HoursPerMonthPerWTE) + " a month at " + trimFloat(s.FTE) + " FTE)"})
	}
	return out
}

// appendText checks a required text field of at most maxNameLength characters.
func appendText(out []Problem, field, value, missing, label string) []Problem {
	switch {
	case strings.TrimSpace(value) == "":
		return append(out, Problem{field, missing})
	case len([]rune(value)) > maxNameLength:
		return append(out, Problem{field, label + " must be 200 characters or fewer"})
	}
	return out
}

// SupervisionLink joins a supervisee (a staff record) to a supervisor of the same PCN
// for a span of days.
type SupervisionLink struct {
	ID            int64
	PCNCode       string
	SuperviseeID  int64 // the staff record's id
	SupervisorID  int64
	Kind          SupervisionKind
	HoursPerMonth float64
	Start         time.Time
	End           time.Time // first day no longer in force; zero while open
	Version       int
}

// Active reports whether the link is in force on day d, by the rule of staff in post:
// start ≤ d and (no end or d < end).
func (l SupervisionLink) Active(d time.Time) bool {
	return !l.Start.After(d) && (l.End.IsZero() || d.Before(l.End))
}

// Validate checks a link's own fields: a supervisee, a supervisor, a kind, hours from
// 0 to 80 a month, a start, and an end after it. That both belong to the link's PCN is
// for the caller, which knows the PCN's records.
func (l SupervisionLink) Validate() Problems {
	var out []Problem
	if l.SuperviseeID == 0 {
		out = append(out, Problem{"supervisee", "Select the member of staff who is supervised"})
	}
	if l.SupervisorID == 0 {
		out = append(out, Problem{"supervisor", "Select the supervisor"})
	}
	switch l.Kind {
	case SupervisionClinical, SupervisionClinicPractice, SupervisionEducational:
	default:
		out = append(out, Problem{"kind", "Select the kind of supervision"})
	}
	if l.HoursPerMonth < 0 || l.HoursPerMonth > MaxLinkHoursPerMonth {
		out = append(out, Problem{"hours", "Hours a month must be 0 or more, and no more than 80"})
	}
	if l.Start.IsZero() {
		out = append(out, Problem{"start", "Enter the start date"})
	} else if !l.End.IsZero() && !l.End.After(l.Start) {
		out = append(out, Problem{"end", "End date must be after the start date"})
	}
	return out
}
