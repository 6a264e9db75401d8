package gaps

import (
	"net/url"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/web/ui"
)

// FieldDenominator carries what stands in for a PCN's weighted population where none
// is in force (PLANNING.md, "Targets and fair shares"): list, the default, or need.
// Not a what-if but a view of the same target, kept by every link as the footprints
// are.
const FieldDenominator = "denominator"

// NeedWeightsHref is the page that says how the need-adjusted population is worked
// out and where its weights come from.
const NeedWeightsHref = "/need/weights"

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
	list, needQ := With(q), With(q, FieldDenominator, string(need.Need))
	list.Del(FieldDenominator)
	return Denominator{Need: d == need.Need, ListHref: Link(path, list), NeedHref: Link(path, needQ)}
}

// standInName names a stand-in as the pages say it.
func standInName(d need.Denominator) string {
	if d == need.Need {
		return "need-adjusted population"
	}
	return "registered list size"
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
