package input

import "github.com/arrs-planner/arrs/web/ui"

// Conflict is the first message of a form whose save found the record changed by
// someone else since it was opened (optimistic locking: a 409).
const Conflict = "Someone else saved this while you were editing it. Your changes have not been saved: they are kept below."

// ErrorSummary lists a form's messages in the order of its fields on the page, each
// linking to its field (a date to its first box in error, firstBox), after conflict
// (linked to #conflict) when the save found the record changed; conflict is "" when
// it did not.
func ErrorSummary(errs map[string]string, conflict string, order []string, firstBox map[string]string) ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if conflict != "" {
		items = append(items, ui.ErrorSummaryItem{Text: conflict, Href: "#conflict"})
	}
	for _, k := range order {
		if msg := errs[k]; msg != "" {
			href := "#" + k
			if box, ok := firstBox[k]; ok {
				href = "#" + k + "-" + box
			}
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: href})
		}
	}
	return ui.ErrorSummaryParams{Errors: items}
}
