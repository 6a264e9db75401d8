package fundingsettings

import (
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// PracticeSharesHref is a PCN's practice shares page; /edit follows it.
func PracticeSharesHref(pcn string) string { return FundingHref(pcn) + "/practice-shares" }

// SharesPage is the view model of /pcns/{code}/funding/practice-shares: how the PCN's
// costs and reimbursements divide between its member practices today.
type SharesPage struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	Today            time.Time
	Success          string
	// CanChange shows the link to the form (the PCN's managers and admins).
	CanChange bool
	// Set is the agreed percentages recorded, nil when the PCN splits by list.
	Set *SetInfo
	// Members are today's member practices with their lists; Split is today's
	// division between them (planning.SplitYear).
	Members []planning.PracticeInput
	Split   planning.Split
}

// SetInfo is when a PCN's percentages were agreed, and who recorded them.
type SetInfo struct {
	AgreedOn   time.Time
	RecordedBy string
	RecordedAt time.Time
	Shares     []workforce.PracticeShare
}

// usedOf is a practice's share in use, when the split is known.
func (p SharesPage) usedOf(code string) (float64, bool) {
	if !p.Split.Known && !p.Split.Agreed {
		return 0, false
	}
	for _, part := range p.Split.Parts {
		if part.Practice.Code == code {
			return part.Percent, true
		}
	}
	return 0, false
}

func (p SharesPage) agreedOf(code string) (float64, bool) {
	if p.Set == nil {
		return 0, false
	}
	for _, s := range p.Set.Shares {
		if s.PracticeCode == code {
			return s.Percent, true
		}
	}
	return 0, false
}

// table lists the members with their list, their agreed percentage if any, and the
// share in use; an unknown list or share is "no data", never 0.
func (p SharesPage) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Members))
	for _, pr := range p.Members {
		list, agreed, used := ui.NoData, "–", ui.NoData
		if pr.ListKnown {
			list = ui.Count(pr.List)
		}
		if pc, ok := p.agreedOf(pr.Code); ok {
			agreed = percentText(pc/100, sharePlaces)
		}
		if pc, ok := p.usedOf(pr.Code); ok {
			used = percentText(pc/100, sharePlaces)
		}
		rows = append(rows, ui.TableRow{TestID: "practice-" + pr.Code, Cells: []ui.TableCell{
			{Text: pr.Name + " (" + pr.Code + ")"}, {Text: list, Numeric: true}, {Text: agreed, Numeric: true}, {Text: used, Numeric: true},
		}})
	}
	return ui.TableParams{Caption: "Member practices on " + longDay(p.Today), FirstCellIsHeader: true, ID: "practice-shares",
		Head: []ui.TableHeader{{Text: "Practice"}, {Text: "Registered list", Numeric: true}, {Text: "Agreed percentage", Numeric: true}, {Text: "Share in use", Numeric: true}},
		Rows: rows}
}

// Method says how the split is made, in a sentence.
func (p SharesPage) Method() string {
	switch {
	case p.Split.Agreed:
		return "By the percentages the practices agreed on " + longDay(p.Set.AgreedOn) + ", recorded by " + p.Set.RecordedBy + "."
	case p.Set != nil && p.Split.AgreedIgnored != "":
		return "By list size: the agreed percentages are not used, because " + p.Split.AgreedIgnored + "."
	case !p.Split.Known:
		return "By list size, but some member's list is not known, so there is no split (no data)."
	}
	return "By list size: each practice's registered list over the members' total."
}
