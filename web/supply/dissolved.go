package supply

import (
	"strings"
	"time"
)

// Dissolved is an ICB dissolved by today (1 April 2026: twelve merged into six). Its
// expected supply stays as it was, read-only: the supply of its footprint is now its
// successors' to record, each on its own page.
type Dissolved struct {
	ICBName string
	// Closed is the day it was dissolved, its first day out of force.
	Closed     time.Time
	Successors []Successor
}

// Successor is an ICB the dissolved ICB's footprint went to.
type Successor struct{ Code, Name string }

// Note is the read-only page's note, before the links to the successors' supply.
func (d Dissolved) Note() string {
	s := d.ICBName + " was dissolved on " + d.Closed.Format("2 January 2006") + ": its expected supply is kept as it was and can no longer be changed."
	if len(d.Successors) == 0 {
		return s + " No successor is recorded for it."
	}
	return s + " Record supply for its successors:"
}

// after is what follows the i-th successor's link: a comma, or the full stop.
func (d Dissolved) after(i int) string {
	if i == len(d.Successors)-1 {
		return "."
	}
	return ", "
}

// Message says why the form of a dissolved ICB's supply is refused, naming its
// successors.
func (d Dissolved) Message() string {
	if len(d.Successors) == 0 {
		return d.Note()
	}
	names := make([]string, len(d.Successors))
	for i, c := range d.Successors {
		names[i] = c.Name + " (" + c.Code + ")"
	}
	return d.Note() + " " + strings.Join(names, ", ") + "."
}
