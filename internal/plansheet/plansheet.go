// Package plansheet holds the values of a plan laid out in the shape of NHS England's
// ARRS workforce planning template: the table (roles by name × financial years, with
// totals and notes) and its title block. It is values only, so that the print page
// (web/plan) and the workbook writer (internal/plantemplate, which builds the table
// from the plan page's figures) share one shape without the screens reaching for
// anything that reads the database.
package plansheet

import (
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// NoData is what a cell says when its figure cannot be known: never 0. It is the
// pages' words (web/ui's NoData), kept here because the workbook writer may not import
// the screens.
const NoData = "no data"

// Table is the plan as the template lays it out.
type Table struct {
	// AsOf is the day the staff data describes; zero when no census is imported.
	AsOf  time.Time
	Years []workforce.FinancialYear
	Rows  []Row
	Total Row
	// Notes say what a figure means, and why one is "no data".
	Notes []string
}

// Row is one ARRS role's plan across the years, or the totals (Role "").
type Row struct {
	Role string
	Name string
	// InPost is the ARRS FTE in post on AsOf.
	InPost Figure
	Years  []Cells
}

// Cells are one row's figures in one financial year.
type Cells struct {
	// Starters and Leavers are Σ of the version's lines in the year's quarters.
	Starters, Leavers float64
	// YearEnd is the projected ARRS FTE on 31 March: the network's, on the totals
	// row only (a projection is of the network as a whole, PLANNING.md).
	YearEnd Figure
	// Cost is the year's planned claims: the plan's starters' claims in the year
	// (those of earlier years' starters too) less what its leavers would have claimed
	// (planning.Funding's planned, the plan page's "Planned for starters").
	Cost Money
}

// Figure is a number that may not be known: unknown is "no data", never 0.
type Figure struct {
	Value float64
	Known bool
}

// Money is an amount that may not be known.
type Money struct {
	Pence workforce.Pence
	Known bool
}

// Header is the title block: whose plan, which version, where it is in the sign-off.
type Header struct {
	Network, Code string // the PCN
	ICB, ICBCode  string
	Version       int // 1 for the PCN's first version
	Status        string
	// Stamps are who moved the version, and when: started, submitted, signed off,
	// reviewed.
	Stamps []Stamp
	// Generated is when the file was made.
	Generated time.Time
}

// Stamp is one move of the version.
type Stamp struct {
	What, By string
	At       time.Time
}

// Text reads "by jo@nhs.net on 3 May 2026 at 14:05", in England's time.
func (s Stamp) Text() string {
	t := ""
	if s.By != "" {
		t = "by " + s.By
	}
	if !s.At.IsZero() {
		t = strings.TrimSpace(t + " on " + When(s.At))
	}
	return t
}

// When is a moment as people read clocks in England (GMT or BST).
func When(t time.Time) string {
	return workforce.InEngland(t).Format("2 January 2006 at 15:04")
}

// Title is the title block's first line: "ARRS workforce plan: Shrewsbury PCN (U60057)".
func (h Header) Title() string {
	return "ARRS workforce plan: " + h.Network + " (" + h.Code + ")"
}
