package gaps

import (
	"net/url"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/web/ui"
)

// Denominator is the choice a gap page offers of the fair shares' stand-in: which one
// they use, and the page with each choice, its other parameters kept. Two links, the
// chosen one in bold: it works without JavaScript.
type Denominator struct {
	Need               bool
	ListHref, NeedHref string
}

// NewDenominator is the choice on the page at path whose query is q, the figures
// using d.
func NewDenominator(path string, q url.Values, d need.Denominator) Denominator {
	list, needQ := With(q), With(q, need.Param, string(need.Need))
	list.Del(need.Param)
	return Denominator{Need: d == need.Need, ListHref: Link(path, list), NeedHref: Link(path, needQ)}
}

// Text is the statement the page makes about the PCNs with no weighted population in
// force and what stands in for theirs.
func (l ListSize) Text() string {
	on := " in force on " + l.AsOf.Format(dateLong)
	tail := ": their registered list size stands in for it, so their fair shares follow list sizes rather than need. Import weighted populations to correct them."
	if l.Denominator == need.Need {
		tail = ": their need-adjusted population stands in for it (their patients' age, sex and deprivation), so their fair shares follow need rather than list size."
		if l.NeedList > 0 {
			tail += " " + ui.Count(l.NeedList) + " of them " + ui.Agree(l.NeedList, "has", "have") +
				" no practice with age data: " + ui.Agree(l.NeedList, "its", "their") + " registered list is " + ui.Agree(l.NeedList, "its", "their") + " need."
		}
	}
	if l.Area != "" {
		return ui.Count(l.Here) + " of the " + ui.Count(l.AreaPCNs) + " PCNs of " + l.Area + ", and " + ui.Count(l.PCNs) + " of " +
			ui.Count(l.Of) + " in England, have no weighted population" + on + tail
	}
	return ui.Count(l.PCNs) + " of " + ui.Count(l.Of) + " PCNs have no weighted population" + on + tail
}

// NeedLink reports whether the statement links to how need is worked out.
func (l ListSize) NeedLink() bool { return l.Denominator == need.Need }
