package areas

import (
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// FootprintsParam is the query parameter of the choice (PLANNING.md, "Web addresses").
const FootprintsParam = "footprints"

// Footprints is the choice a page offers of the ICBs its figures are summed into
// (PLANNING.md, "Organisations over time"): as they were on the page's day, the
// default, or today's. Two links, the chosen one in bold: it works without JavaScript.
// The gap pages and the comparison show it too.
type Footprints struct {
	Current bool
	// Structure says which ICBs the figures are summed into, e.g. "ICBs as they were on
	// 30 November 2025".
	Structure string
	// AsItWasHref and CurrentHref are the page with each choice, its other parameters
	// kept.
	AsItWasHref, CurrentHref string
}

// NewFootprints is the choice on the page at path whose query is q.
func NewFootprints(path string, q url.Values, current bool, structure string) Footprints {
	asItWas, now := clone(q), clone(q)
	asItWas.Del(FootprintsParam)
	now.Set(FootprintsParam, "current")
	return Footprints{Current: current, Structure: structure, AsItWasHref: link(path, asItWas), CurrentHref: link(path, now)}
}

// KeepFootprints adds the choice to q for the links that keep it: nothing when the
// figures are as they were, the default.
func KeepFootprints(q url.Values, current bool) url.Values {
	if current {
		q.Set(FootprintsParam, "current")
	}
	return q
}

func clone(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

func link(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// ICBHistory is what an ICB's page says of its life: the day it was dissolved and the
// ICBs its networks moved to, or the ICBs it was made from (or took networks from).
type ICBHistory struct {
	Closed     time.Time // zero while it exists
	Successors []OrgLink
	// Formed is the day its predecessors' networks came to it; Opened is true when the
	// ICB itself began that day (a new ICB), false when it kept its code.
	Formed       time.Time
	Opened       bool
	Predecessors []OrgLink
	// Absent, when set, says the ICB had no place on the page's day (not yet formed,
	// dissolved, or not one of today's footprints): the page shows no figures, it had
	// none, never 0.
	Absent string
}

// OrgLink is a link to an organisation's page.
type OrgLink struct{ Code, Name, Href string }

// NewICBHistory is the history of ICB c as tree (any day's, with its History) knows
// it. The links lead to each ICB's own page on its default day.
func NewICBHistory(tree *workforce.Tree, c workforce.ICB) ICBHistory {
	h := ICBHistory{Closed: c.Closed, Opened: !c.Opened.IsZero(), Formed: c.Opened}
	for _, s := range tree.Successors(c.Code) {
		h.Successors = append(h.Successors, OrgLink{Code: s.Code, Name: s.Name, Href: "/icbs/" + s.Code})
	}
	for _, s := range tree.History.Successions {
		if s.NewCode == c.Code && h.Formed.IsZero() {
			h.Formed = s.Effective
		}
	}
	for _, p := range tree.Predecessors(c.Code) {
		h.Predecessors = append(h.Predecessors, OrgLink{Code: p.Code, Name: p.Name, Href: "/icbs/" + p.Code})
	}
	return h
}

// Dissolved reports whether the page says the ICB was dissolved.
func (h ICBHistory) Dissolved() bool { return !h.Closed.IsZero() }

// MadeFrom reports whether the page says what the ICB was made from.
func (h ICBHistory) MadeFrom() bool { return len(h.Predecessors) > 0 }

// formedText opens the sentence naming its predecessors.
func (h ICBHistory) formedText() string {
	if h.Opened {
		return "Formed on " + h.Formed.Format(dayLong) + " from "
	}
	return "On " + h.Formed.Format(dayLong) + " it took in networks of "
}

// dayLong is how a sentence writes a day.
const dayLong = "2 January 2006"
