package pcn

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/web/ui"
)

// Practices is the "Member practices" section of a PCN's overview: the practices that
// are its members on the page's day, with the patients registered at each. Their sum
// is the PCN's list (PLANNING.md, "Organisations over time").
type Practices struct {
	// Day is the day membership is read for: the page's day, the day of its staff
	// figures and of its place in the structure.
	Day time.Time
	// Extract is the publication the patients are from (zero: none is held).
	Extract time.Time
	Rows    []Practice
}

// Practice is one member practice.
type Practice struct {
	Code, Name, Postcode string
	// OtherICB names the practice's own ICB when it is not the PCN's (23 PCNs have
	// practices in two ICBs); empty otherwise.
	OtherICB string
	// Patients is the practice's registered patients; PatientsKnown is false when
	// the publication has no figure for it, shown as "no data", never 0.
	Patients      int
	PatientsKnown bool
}

// total is the sum of the known lists and how many practices have none.
func (p Practices) total() (sum, unknown int) {
	for _, r := range p.Rows {
		if r.PatientsKnown {
			sum += r.Patients
		} else {
			unknown++
		}
	}
	return sum, unknown
}

// totalText is the total row's figure: "no data" when no practice has one, and the
// practices left out when only some do.
func (p Practices) totalText() string {
	sum, unknown := p.total()
	switch {
	case unknown == len(p.Rows):
		return "no data"
	case unknown == 1:
		return ui.Count(sum) + " (1 practice with no data not counted)"
	case unknown > 1:
		return ui.Count(sum) + " (" + strconv.Itoa(unknown) + " practices with no data not counted)"
	}
	return ui.Count(sum)
}

// otherICBs reports whether any practice sits in another ICB than the PCN's: only
// then does the table have an ICB column.
func (p Practices) otherICBs() bool {
	for _, r := range p.Rows {
		if r.OtherICB != "" {
			return true
		}
	}
	return false
}

// caption names the day and the publication the figures are from.
func (p Practices) caption() string {
	c := "Member practices on " + p.Day.Format("2 January 2006")
	if !p.Extract.IsZero() {
		c += ", with patients registered on " + p.Extract.Format("2 January 2006")
	}
	return c
}

func (p Practices) table() ui.TableParams {
	withICB := p.otherICBs()
	head := []ui.TableHeader{{Text: "Code"}, {Text: "Practice"}, {Text: "Postcode"}}
	if withICB {
		head = append(head, ui.TableHeader{Text: "Its own ICB, if not the PCN's"})
	}
	head = append(head, ui.TableHeader{Text: "Registered patients", Numeric: true})
	rows := make([]ui.TableRow, 0, len(p.Rows)+1)
	for _, r := range p.Rows {
		cells := []ui.TableCell{{Text: r.Code, Href: "/practices/" + r.Code}, {Text: r.Name}, {Text: r.Postcode}}
		if withICB {
			cells = append(cells, ui.TableCell{Text: r.OtherICB})
		}
		rows = append(rows, ui.TableRow{TestID: "practice-" + r.Code, Cells: append(cells, ui.TableCell{Text: patientsText(r)})})
	}
	total := []ui.TableCell{{Text: "Total"}, {Text: strconv.Itoa(len(p.Rows)) + " practices"}, {}}
	if withICB {
		total = append(total, ui.TableCell{})
	}
	rows = append(rows, ui.TableRow{TestID: "practices-total", Cells: append(total, ui.TableCell{Text: p.totalText()})})
	return ui.TableParams{Caption: p.caption(), CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true, ID: "practices", Head: head, Rows: rows}
}

func patientsText(r Practice) string {
	if !r.PatientsKnown {
		return "no data"
	}
	return ui.Count(r.Patients)
}
