package needweights

import (
	"net/url"
	"strconv"
	"strings"

	needweb "github.com/arrs-planner/arrs/web/need"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// EditHref is the admins' form of the weights, factors and sources.
const EditHref = "/admin/need-weights"

// The limits of a source's texts, as migration 000019's need_sources checks them.
const (
	MaxTitle    = 300
	MaxCitation = 1000
	MaxURL      = 500
	MaxNote     = 2000
	// maxFigureText bounds a typed weight or factor before it is read.
	maxFigureText = 20
)

// Form is the admins' form of the need weights (/admin/need-weights), as typed: a
// weight for men and women of each age band, a factor per deprivation quintile, and
// each set's source, with the versions of the two sources it was opened at.
type Form struct {
	Layout  layout.PageParams
	Bands   []BandField
	Factors [5]string
	Age     SourceField
	Dep     SourceField
	// AgeVersion and DepVersion are the versions of the age-sex and deprivation
	// sources the form was opened at (optimistic locking: a save over a newer one is
	// refused).
	AgeVersion, DepVersion int
	Errors                 map[string]string
	// Conflict is set when someone saved the weights while the form was open.
	Conflict string
}

// BandField is one age band's weights as typed; the band itself is fixed.
type BandField struct {
	Label        string
	From, To     int
	Male, Female string
}

// SourceField is a set's source as typed.
type SourceField struct {
	Title, Citation, URL, Note string
}

// FormOf is the form filled with the weights as stored.
func FormOf(w workforce.NeedWeights) Form {
	f := Form{Age: sourceFieldOf(w.AgeSource), Dep: sourceFieldOf(w.DepSource),
		AgeVersion: w.AgeSource.Version, DepVersion: w.DepSource.Version, Errors: map[string]string{}}
	for _, b := range w.Age {
		f.Bands = append(f.Bands, BandField{Label: b.Label, From: b.From, To: b.To, Male: FigureText(b.Male), Female: FigureText(b.Female)})
	}
	for q, x := range w.Deprivation {
		f.Factors[q] = FigureText(x)
	}
	return f
}

func sourceFieldOf(s workforce.NeedSource) SourceField {
	return SourceField{Title: s.Title, Citation: s.Citation, URL: s.URL, Note: s.Note}
}

// ReadForm reads the posted form over the weights as stored (current, whose bands it
// keeps), opened at the sources' versions ageVersion and depVersion: the fields as
// typed and the weights to save, whose sources carry those versions. Every problem is
// in the form's Errors, found before anything is looked up or written.
func ReadForm(v url.Values, current workforce.NeedWeights, ageVersion, depVersion int) (Form, workforce.NeedWeights) {
	f := Form{AgeVersion: ageVersion, DepVersion: depVersion, Errors: map[string]string{}}
	for i, b := range current.Age {
		f.Bands = append(f.Bands, BandField{Label: b.Label, From: b.From, To: b.To,
			Male: strings.TrimSpace(v.Get(maleKey(i))), Female: strings.TrimSpace(v.Get(femaleKey(i)))})
	}
	for q := range f.Factors {
		f.Factors[q] = strings.TrimSpace(v.Get(factorKey(q + 1)))
	}
	f.Age, f.Dep = readSource(v, "age"), readSource(v, "dep")
	if input.TooLong(v, f.Errors, f.limits()...) {
		return f, workforce.NeedWeights{}
	}
	w := workforce.NeedWeights{AgeSource: f.Age.source(ageVersion), DepSource: f.Dep.source(depVersion)}
	for i, b := range f.Bands {
		w.Age = append(w.Age, workforce.NeedAgeWeight{Label: b.Label, From: b.From, To: b.To,
			Male:   readFigure(b.Male, maleKey(i), "the weight for men "+b.Ages(), f.Errors),
			Female: readFigure(b.Female, femaleKey(i), "the weight for women "+b.Ages(), f.Errors)})
	}
	for q, typed := range f.Factors {
		w.Deprivation[q] = readFigure(typed, factorKey(q+1), "the factor of quintile "+strconv.Itoa(q+1), f.Errors)
	}
	f.Age.check("age", "age and sex", f.Errors)
	f.Dep.check("dep", "deprivation", f.Errors)
	return f, w
}

func readSource(v url.Values, prefix string) SourceField {
	return SourceField{Title: strings.TrimSpace(v.Get(prefix + "-title")), Citation: strings.TrimSpace(v.Get(prefix + "-citation")),
		URL: strings.TrimSpace(v.Get(prefix + "-url")), Note: strings.TrimSpace(v.Get(prefix + "-note"))}
}

func (s SourceField) source(version int) workforce.NeedSource {
	return workforce.NeedSource{Title: s.Title, Citation: s.Citation, URL: s.URL, Note: s.Note, Version: version}
}

// check puts in errs what is wrong with a source's texts besides their length: a
// title and a citation are required, a link must be a web address.
func (s SourceField) check(prefix, set string, errs map[string]string) {
	if s.Title == "" {
		errs[prefix+"-title"] = "Enter the title of the " + set + " source"
	}
	if s.Citation == "" {
		errs[prefix+"-citation"] = "Enter the citation of the " + set + " source"
	}
	if s.URL != "" && !webAddress(s.URL) {
		errs[prefix+"-url"] = "The link to the " + set + " source must be a web address starting https:// or http://"
	}
}

// webAddress is an absolute http or https address with a host and no spaces: what a
// page may link to.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(s, " \t\r\n")
}

// limits are the form's inputs with their length limits, checked before anything else.
func (f Form) limits() []input.Limit {
	var out []input.Limit
	for i, b := range f.Bands {
		out = append(out, input.Limit{Name: maleKey(i), Label: "The weight for men " + b.Ages(), Max: maxFigureText},
			input.Limit{Name: femaleKey(i), Label: "The weight for women " + b.Ages(), Max: maxFigureText})
	}
	for q := 1; q <= 5; q++ {
		out = append(out, input.Limit{Name: factorKey(q), Label: "The factor of quintile " + strconv.Itoa(q), Max: maxFigureText})
	}
	for _, s := range []struct{ prefix, set string }{{"age", "age and sex"}, {"dep", "deprivation"}} {
		out = append(out,
			input.Limit{Name: s.prefix + "-title", Label: "The title of the " + s.set + " source", Max: MaxTitle},
			input.Limit{Name: s.prefix + "-citation", Label: "The citation of the " + s.set + " source", Max: MaxCitation},
			input.Limit{Name: s.prefix + "-url", Label: "The link to the " + s.set + " source", Max: MaxURL},
			input.Limit{Name: s.prefix + "-note", Label: "The note on the " + s.set + " source", Max: MaxNote})
	}
	return out
}

func maleKey(i int) string   { return "age-" + strconv.Itoa(i) + "-male" }
func femaleKey(i int) string { return "age-" + strconv.Itoa(i) + "-female" }
func factorKey(q int) string { return "factor-" + strconv.Itoa(q) }

// Ages names the band in a sentence: "aged 0 to 4", "aged 75 and over".
func (b BandField) Ages() string { return "aged " + AgesOf(b.From, b.To) }

// AgesOf names ages from to to ("0 to 4"), to < 0 for an open band ("75 and over").
func AgesOf(from, to int) string {
	if to < 0 {
		return strconv.Itoa(from) + " and over"
	}
	return strconv.Itoa(from) + " to " + strconv.Itoa(to)
}

// Stale marks the form of a stale save: someone saved the weights since it was
// opened; current is them now. The form keeps what was typed and takes the current
// versions, so saving again is a deliberate choice to overwrite.
func (f Form) Stale(current workforce.NeedWeights) Form {
	f.Conflict = input.Conflict + " The weights as saved now are on the page of the need weights."
	f.AgeVersion, f.DepVersion = current.AgeSource.Version, current.DepSource.Version
	return f
}

// Framed completes the form with its page, marked in error when the form is.
func (f Form) Framed(page layout.PageParams) Form {
	f.Layout = page
	f.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Need weights and their sources", Href: needweb.WeightsHref}}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	return f
}

// EditTitle is the title of the admins' form.
const EditTitle = "Change the need weights"

// Saved says what a save did, for the banner of the weights' page after it.
func Saved(changes int) string {
	if changes == 0 {
		return "Nothing was changed: the weights, factors and sources were already as saved"
	}
	return "Saved " + ui.Plural(changes, "change", "changes") + " to the need weights, factors and sources"
}

// summary lists the form's messages in the order of its fields.
func (f Form) summary() ui.ErrorSummaryParams {
	var order []string
	for i := range f.Bands {
		order = append(order, maleKey(i), femaleKey(i))
	}
	for q := 1; q <= 5; q++ {
		order = append(order, factorKey(q))
	}
	for _, p := range []string{"age", "dep"} {
		order = append(order, p+"-title", p+"-citation", p+"-url", p+"-note")
	}
	return input.ErrorSummary(f.Errors, f.Conflict, order, nil)
}
