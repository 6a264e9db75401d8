package areas

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Waiting is what waits for the signed-in user on England's page: plans to sign off
// (clinical directors), to review (ICB leads) and returned to them (PCN managers).
type Waiting struct {
	Items []WaitingItem
	// Dashboards link a clinical director to the dashboard of each PCN they direct.
	Dashboards []DashboardLink
	// Accepted are the plans of a PCN manager's networks the ICB accepted lately: news,
	// not work.
	Accepted []Accepted
}

// Accepted is a plan the ICB accepted lately (within AcceptedDays): which version,
// who accepted it, when, and their comment.
type Accepted struct {
	PCNCode, PCNName string
	Version          string // "version 3"
	By               string
	At               time.Time
	Comment          string
	Href             string
}

// AcceptedDays is how long a manager's home tells them of an acceptance: long enough
// to be seen by someone who signs in monthly.
const AcceptedDays = 30

// when is the moment of the acceptance as pages write it, in UK time.
func (a Accepted) when() string {
	return workforce.InEngland(a.At).Format("2 January 2006 at 15:04")
}

// DashboardLink is one PCN's dashboard.
type DashboardLink struct {
	PCNCode, PCNName, Href string
}

// WaitingItem is one plan waiting for the user.
type WaitingItem struct {
	// What is the task: "Sign off", "Review" or "Returned to you".
	What    string
	PCNCode string
	PCNName string
	Version string // "version 3"
	// Since is when the plan began to wait (submitted, signed off, returned); Waited
	// says how long ago that was ("3 days").
	Since  time.Time
	Waited string
	Href   string
	// ReturnedBy, By and Comment say, of a plan returned to its managers, who
	// returned it ("the clinical director" or "the ICB"), which person, and why.
	ReturnedBy, By, Comment string
}

// WaitedFor says how long a plan has waited, in whole days from since to now ("3
// days"; "today" on the day itself).
func WaitedFor(since, now time.Time) string {
	switch n := workforce.Days(since.In(now.Location()), now); {
	case n <= 0:
		return "today"
	case n == 1:
		return "1 day"
	default:
		return strconv.Itoa(n) + " days"
	}
}

// byPerson names the person who took a move after their role: " (jo@nhs.net)".
func byPerson(email string) string {
	if email == "" {
		return ""
	}
	return " (" + email + ")"
}
