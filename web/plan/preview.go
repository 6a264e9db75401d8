package plan

import (
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Preview is the editor's figures for the grid as typed, before it is saved: the
// answer of POST /pcns/{code}/plan/preview to the editor's script (plan.js), which
// writes each text into the element of its data-testid. The texts are those the page
// writes once the same cells are saved (Year.Figures, the summary lists' rows).
type Preview struct {
	Year string `json:"year"`
	// Values are texts by data-testid: the year's totals, net starters, projection and
	// gap.
	Values map[string]string `json:"values"`
	// Lists are summary lists by their id, each written again row by row: the year's
	// money (the ARRS, the practice GP scheme, other money), and the gap on the target's
	// day "with your draft", whose rows come and go with the draft's figures.
	Lists map[string][]PreviewRow `json:"lists"`
	// Errors are the cells that cannot be read, each with the message a save gives.
	Errors []PreviewError `json:"errors"`
}

// PreviewRow is one row of a summary list.
type PreviewRow struct {
	TestID string `json:"testId"`
	Key    string `json:"key"`
	Value  string `json:"value"`
}

// PreviewError is a field of the grid that cannot be read.
type PreviewError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// NewPreview is the preview of the year y of the grid, with the page's figures f
// beside it, and the problems a save would report.
func NewPreview(y Year, f Figures, problems workforce.Problems) Preview {
	p := Preview{Year: y.ID, Values: y.Figures(), Lists: map[string][]PreviewRow{}, Errors: []PreviewError{}}
	if y.Funding != nil {
		p.Lists[fundingListID(y.ID)] = previewRows(y.Funding.rows(y.ID))
		if s := y.Funding.Scheme; s != nil {
			p.Lists[schemeListID(y.ID)] = previewRows(s.rows(y.ID))
		}
		if o := y.Funding.Other; o != nil {
			p.Lists[otherListID(y.ID)] = previewRows(o.rows(y.ID))
		}
	}
	if f.summary() {
		p.Lists[figuresListID] = previewRows(f.rows())
	}
	for _, pr := range problems {
		p.Errors = append(p.Errors, PreviewError{Field: pr.Field, Message: pr.Message})
	}
	return p
}

func previewRows(rows []ui.SummaryListRow) []PreviewRow {
	out := make([]PreviewRow, len(rows))
	for i, r := range rows {
		out[i] = PreviewRow{TestID: r.TestID, Key: r.Key, Value: r.Value}
	}
	return out
}
