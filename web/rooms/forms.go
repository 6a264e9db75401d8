package rooms

import (
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// SiteForm is the view model of the add and change forms of a site, and of the page
// that removes one.
type SiteForm struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	// ID is 0 for a new site.
	ID             int64
	Version        int
	Name, Sessions string
	Errors         map[string]string
	// Saved is non-nil after a stale save: the site as someone else saved it, or an
	// empty list if they removed it. The form then carries that version.
	Saved []Field
}

// Field is one labelled value of a site.
type Field struct{ Label, Value string }

// Action is where the form posts.
func (f SiteForm) Action() string { return SiteHref(f.PCNCode, f.ID) }

const conflictMessage = "Someone else saved this site while you were editing it. Your changes have not been saved: they are kept below."

func (f SiteForm) errorSummary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Saved != nil {
		items = append(items, ui.ErrorSummaryItem{Text: conflictMessage, Href: "#conflict"})
	}
	for _, k := range []string{"name", "sessions"} {
		if msg := f.Errors[k]; msg != "" {
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: "#" + k})
		}
	}
	return ui.ErrorSummaryParams{Errors: items}
}

func (f SiteForm) fields() ui.SummaryListParams {
	return savedList([]Field{{"Site", f.Name}, {"Bookable sessions a week", f.Sessions}}, "site")
}

func savedList(fields []Field, id string) ui.SummaryListParams {
	rows := make([]ui.SummaryListRow, 0, len(fields))
	for _, f := range fields {
		rows = append(rows, ui.SummaryListRow{Key: f.Label, Value: f.Value})
	}
	return ui.SummaryListParams{Rows: rows, ID: id}
}
