// Package needweights shows the weights need is built on (/need/weights): what need
// is, the age-sex weights and the deprivation factors with the quintiles' cut points
// of the day, where each set comes from, how need is scaled to England's list, and
// what stands in for a practice without age data or a deprivation score; and the
// admins' form that changes them (/admin/need-weights). Every "source" link beside a
// figure on need points here (PLANNING.md, "Need and fair comparison"; docs/need.md).
package needweights

import (
	"math"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Title is the page's title.
const Title = "Need weights and their sources"

// Page is the view model of /need/weights.
type Page struct {
	Layout  layout.PageParams
	Success string
	Weights workforce.NeedWeights
	// Day is the day whose need the figures below describe: the as-of day of the need
	// figures (the latest census, the day of /need), today before any census; Census
	// says which.
	Day    time.Time
	Census bool
	// AgeUncited and DepUncited are the latest change to a set's figures made since its
	// source's citation and note last changed, nil when there is none.
	AgeUncited, DepUncited *Change
	// HasScale is false when no member practice had age data on Day (no k).
	HasScale bool
	Scale    float64
	// HasCuts is false when no practice had a deprivation score on Day.
	HasCuts bool
	Cuts    [4]float64
	// TotalList and TotalNeed are England's networks' registered patients and need.
	TotalList, TotalNeed float64
	// NoAgeData counts the member practices without age data on Day, ListPCNs the
	// networks none of whose practices has any (compared on their list).
	NoAgeData, ListPCNs int
	// NoScore counts member practices without a deprivation score; MeanFactor is the
	// factor they take (HasMeanFactor false when every practice has a score).
	NoScore       int
	HasMeanFactor bool
	MeanFactor    float64
	// CompareHref is the signed-in user's ICB's comparison, "" when they have no one ICB.
	CompareHref string
	// CanEdit shows the link to the admins' form.
	CanEdit bool
}

// NewPage describes weights w and need on day d as res worked it out.
func NewPage(page layout.PageParams, w workforce.NeedWeights, d time.Time, res *need.Result, compareHref string, canEdit bool) Page {
	page.Breadcrumbs = []ui.BreadcrumbItem{{Text: "England", Href: "/"}, {Text: "Need and fair comparison", Href: "/need"}}
	p := Page{Layout: page, Weights: w, Day: d, CompareHref: compareHref, CanEdit: canEdit}
	if res == nil {
		return p
	}
	p.Scale, p.Cuts = res.Scale, res.Cuts
	p.TotalList, p.TotalNeed, p.ListPCNs = res.TotalList, res.TotalNeed, res.NoAgeData
	for _, x := range res.Practices {
		p.HasCuts = p.HasCuts || x.Quintile > 0
		if x.Quintile == 0 && x.PCN != "" {
			p.NoScore++
			p.HasMeanFactor, p.MeanFactor = true, x.Factor
		}
		if !x.AgeData && x.PCN != "" {
			p.NoAgeData++
		}
		p.HasScale = p.HasScale || (x.AgeData && x.PCN != "")
	}
	p.HasScale = p.HasScale && res.Scale > 0 && !math.IsInf(res.Scale, 0)
	return p
}

// Change is a change to a set's figures: who made it, when.
type Change struct {
	By string
	At time.Time
}

// DayText is the day of the figures as pages write a date.
func (p Page) DayText() string { return p.Day.Format(dateLong) }

// ageTable is the age-sex weights, one row per band.
func (p Page) ageTable() ui.TableParams {
	t := ui.TableParams{Caption: "Age-sex weights", ID: "age-weights", FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Ages"}, {Text: "Men", Numeric: true}, {Text: "Women", Numeric: true}}}
	for i, b := range p.Weights.Age {
		t.Rows = append(t.Rows, ui.TableRow{TestID: "band-" + strconv.Itoa(i), Cells: []ui.TableCell{
			{Text: AgesOf(b.From, b.To)}, {Text: weightText(b.Male)}, {Text: weightText(b.Female)}}})
	}
	return t
}

// factorTable is the deprivation factors by quintile, with the quintiles' scores of
// the day when practices had scores.
func (p Page) factorTable() ui.TableParams {
	t := ui.TableParams{Caption: "Deprivation factors", ID: "deprivation-factors", FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Quintile"}}}
	if p.HasCuts {
		t.Head = append(t.Head, ui.TableHeader{Text: "Practice deprivation scores on " + p.DayText()})
	}
	t.Head = append(t.Head, ui.TableHeader{Text: "Factor", Numeric: true})
	for q, x := range p.Weights.Deprivation {
		cells := []ui.TableCell{{Text: QuintileName(q + 1)}}
		if p.HasCuts {
			cells = append(cells, ui.TableCell{Text: p.scoreRange(q)})
		}
		t.Rows = append(t.Rows, ui.TableRow{TestID: "factor-" + strconv.Itoa(q+1), Cells: append(cells, ui.TableCell{Text: weightText(x)})})
	}
	return t
}

// QuintileName names quintile q (1 to 5) with its end of the scale.
func QuintileName(q int) string {
	switch q {
	case 1:
		return "1 (least deprived)"
	case 5:
		return "5 (most deprived)"
	}
	return strconv.Itoa(q)
}

// scoreRange is the scores of quintile index q (0 to 4): "up to 12.345", "above
// 12.345, up to 17.890", "above 34.567".
func (p Page) scoreRange(q int) string {
	switch q {
	case 0:
		return "up to " + scoreText(p.Cuts[0])
	case 4:
		return "above " + scoreText(p.Cuts[3])
	}
	return "above " + scoreText(p.Cuts[q-1]) + ", up to " + scoreText(p.Cuts[q])
}

func weightText(x float64) string { return ui.Decimal(x, FigurePlaces) }

// scoreText is a cut point to 3 places, "none" when it is not a number (an empty
// quintile on small data).
func scoreText(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "none"
	}
	return ui.Decimal(x, 3)
}

// dayWhy says why the figures are of Day.
func (p Page) dayWhy() string {
	if p.Census {
		return "the date of the latest workforce census, the day of England's funnel plot and the comparisons"
	}
	return "today: no workforce census is loaded yet"
}

// q1Factor is quintile 1's factor when it is not 1 ("" when it is): the factors are
// then relative to it.
func (p Page) q1Factor() string {
	if x := p.Weights.Deprivation[0]; math.Round(x*1e4) != 1e4 {
		return weightText(x)
	}
	return ""
}

// ScaleText is k to 4 decimal places.
func (p Page) ScaleText() string { return ui.Decimal(p.Scale, 4) }

// patients writes a number of patients (need is fractional) to whole patients.
func patients(x float64) string { return ui.Decimal(x, 0) }

// sources are the two sets' sources, in the order the page shows them.
func (p Page) sources() []sourceView {
	return []sourceView{
		{ID: "source-age_sex", Heading: "Source of the age-sex weights", Source: p.Weights.AgeSource, Uncited: p.AgeUncited},
		{ID: "source-deprivation", Heading: "Source of the deprivation factors", Source: p.Weights.DepSource, Uncited: p.DepUncited},
	}
}

// sourceView is one set's source as the page shows it.
type sourceView struct {
	ID, Heading string
	Source      workforce.NeedSource
	// Uncited is the latest change to the figures since the citation and note last
	// changed, nil for none.
	Uncited *Change
}

// SeedActor is who the reference data's load (arrs seed) records as writing a source.
const SeedActor = "cli:arrs seed"

// changed says who last changed the set and when: the reference data's load (the
// migration's or arrs seed's) when no one has.
func (s sourceView) changed() string {
	at := workforce.InEngland(s.Source.UpdatedAt)
	if s.Source.UpdatedBy == "" || s.Source.UpdatedBy == SeedActor {
		return "Loaded with the reference data on " + at.Format(dateLong)
	}
	return s.Source.UpdatedBy + ", " + at.Format(dateLong+" at 15:04")
}

// uncited warns that the figures changed after the source was last cited.
func (s sourceView) uncited() string {
	return "The figures were changed by " + s.Uncited.By + " on " + workforce.InEngland(s.Uncited.At).Format(dateLong) +
		" since this source's citation and note were last changed, so they may no longer be the figures the source gives."
}

// dateLong is a day as the page writes it.
const dateLong = "2 January 2006"

// orNone is a text, or "None" when empty.
func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}
