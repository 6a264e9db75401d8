package staff

import (
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// RoleName names an ARRS role from the catalogue; a code the catalogue lacks is shown
// as it is.
func RoleName(roles []workforce.Role, code string) string {
	if role := findRole(roles, code); role != nil {
		return role.Name
	}
	return code
}

// SourceText says where a record came from, for the list and the record's pages.
func SourceText(rec workforce.StaffRecord) string {
	census := ""
	if !rec.Census.IsZero() {
		census = ", census " + rec.Census.Format("2 Jan 2006")
	}
	switch rec.Source {
	case workforce.SourceNWRSStaff:
		return "Imported from NWRS" + census
	case workforce.SourceNWRSContracted:
		return "Imported from NWRS contracted services" + census
	}
	return "Entered in ARRS Planner"
}

// SavedText says what was saved, for the message the staff list shows after a save:
// "Added the record: Pharmacist, 0.8 FTE from 1 April 2026".
func SavedText(verb string, rec workforce.StaffRecord, c Catalogue) string {
	sep := " "
	if rec.StartsFromCensus() {
		sep = ", "
	}
	return verb + " the record: " + Fields(rec, c)[0].Value + ", " + FTEText(rec.FTE) + " FTE" + sep + StartText(rec, "2 January 2006")
}

// StartText is when a record began, dates in layout: "from 1 April 2026", or for an
// imported record whose start is only the census that first carried it (NWRS gives
// no start dates) "in the census since 30 November 2025", never a start date the file
// did not give.
func StartText(rec workforce.StaffRecord, layout string) string {
	if rec.StartsFromCensus() {
		return "in the census since " + rec.Census.Format(layout)
	}
	return "from " + rec.Start.Format(layout)
}

// NewForm is the form that adds a record: claimed from the ARRS unless the person
// chooses otherwise, as an ARRS role is by default.
func NewForm() Form { return Form{Stream: string(workforce.StreamARRS)} }

// FormOf fills the change form from a stored record.
func FormOf(rec workforce.StaffRecord, c Catalogue) Form {
	f := Form{ID: rec.ID, Version: rec.Version, Role: rec.RoleCode, FTE: FTEText(rec.FTE),
		Band: rec.Band, EmploymentModel: string(rec.EmploymentModel), Employer: rec.Employer,
		Stream: string(rec.FundingStream()), Practice: rec.PracticeCode,
		Start: input.DateOf(rec.Start), End: input.DateOf(rec.End), Source: SourceText(rec)}
	if rec.RoleCode == "" {
		f.Role, f.StaffRole = OtherRole, rec.StaffRole
	}
	if rec.ApprovedRole != 0 {
		f.Approved = strconv.FormatInt(rec.ApprovedRole, 10)
	}
	if rec.AnnualCostPence != 0 {
		f.Cost = rec.AnnualCostPence.Input()
	}
	if rec.FromNWRS() {
		f.NWRSRole = Fields(rec, c)[0].Value + ", NWRS identifier " + orElse(rec.UniqueIdentifier, "none (contracted services)")
	}
	return f
}

// Framed puts the form of record rec (a new one: zero but for its PCN) on its page
// (marked in error when the form is), under the PCN, with the roles of the catalogue,
// and the practices and approvals the funding may name on day today, to choose from.
func (f Form) Framed(page layout.PageParams, p workforce.PCN, c Catalogue, rec workforce.StaffRecord, today time.Time) Form {
	f.Layout = page
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != nil
	f.PCNCode, f.PCNName = p.Code, p.Name
	for _, role := range c.Roles {
		f.Roles = append(f.Roles, RoleOption{Code: role.Code, Name: role.Name, Added: role.Added})
	}
	f.Practices, f.Approvals = c.choices(rec, today)
	return f
}

// SaveConflict answers a stale save: the values saved meanwhile (now) beside the
// person's input (yours). The form then carries the saved version, so saving again
// replaces it knowingly.
func (f Form) SaveConflict(now, yours workforce.StaffRecord, c Catalogue) Form {
	f.Version = now.Version
	f.Conflict = &Conflict{By: now.UpdatedBy, At: now.UpdatedAt, FromHeading: "Saved by " + WhoText(now.UpdatedBy), ToHeading: "Your input (not saved)",
		Changes: Diff(Fields(now, c), Fields(yours, c))}
	return f
}

// ReadEnd reads the posted end date of current, which must come after its start; the
// form's Error holds what is wrong. The caller sets the version posted.
func ReadEnd(v url.Values, current workforce.StaffRecord) (EndForm, time.Time) {
	f := EndForm{ID: current.ID, End: input.PostedDate(v, "end")}
	errs := map[string]string{}
	end := input.ReadDate(f.End, "End date", true, errs, "end", &f.Parts)
	if f.Error = errs["end"]; f.Error == "" && !end.After(current.Start) {
		f.Error = "End date must be after the start date, " + current.Start.Format("2 January 2006")
	}
	return f, end
}

// EndFormOf is the form that ends a stored record, its end date filled if it has one.
func EndFormOf(rec workforce.StaffRecord) EndForm {
	return EndForm{ID: rec.ID, Version: rec.Version, End: input.DateOf(rec.End)}
}

// Framed puts the end form on its page (marked in error when the form is), with the
// record it ends.
func (f EndForm) Framed(page layout.PageParams, rec workforce.StaffRecord, c Catalogue) EndForm {
	f.Layout = page
	f.Layout.HasErrors = f.Error != "" || f.Conflict != nil
	f.PCNCode, f.Source, f.Record = rec.PCNCode, SourceText(rec), Fields(rec, c)
	return f
}

// EndConflict answers a stale end: the date kept, and what changed since the version
// the person saw (found in the record's earlier versions, history). The form then
// carries the saved version.
func (f EndForm) EndConflict(now workforce.StaffRecord, history []workforce.StaffRecord, c Catalogue) EndForm {
	conflict := &Conflict{By: now.UpdatedBy, At: now.UpdatedAt, FromHeading: "When you opened the page", ToHeading: "Saved since by " + WhoText(now.UpdatedBy)}
	for _, old := range history {
		if old.Version == f.Version {
			conflict.Changes = Diff(Fields(old, c), Fields(now, c))
		}
	}
	f.Conflict, f.Version = conflict, now.Version
	return f
}

// HistoryOf is a record's history page but for its frame and links: the record as it
// is now and every version, newest first, each with what it changed from the one
// before (earlier are its earlier versions, newest first).
func HistoryOf(rec workforce.StaffRecord, earlier []workforce.StaffRecord, c Catalogue) HistoryPage {
	p := HistoryPage{PCNCode: rec.PCNCode, ID: rec.ID, Source: SourceText(rec), Current: Fields(rec, c), Ended: !rec.End.IsZero()}
	versions := append([]workforce.StaffRecord{rec}, earlier...)
	for i, v := range versions {
		ver := Version{Number: v.Version, At: v.UpdatedAt, By: WhoText(v.UpdatedBy)}
		if i+1 < len(versions) {
			ver.Changes = Diff(Fields(versions[i+1], c), Fields(v, c))
		} else if v.FromNWRS() {
			ver.Note, ver.By = SourceText(v), "NWRS import"
		} else {
			ver.Note = "Added"
		}
		p.Versions = append(p.Versions, ver)
	}
	return p
}

// OverCapWarning warns that rec costs more than the cap of its role (roleName) in
// force on its start date: the PCN pays the difference.
func OverCapWarning(rec workforce.StaffRecord, roleName string, cap workforce.Pence) string {
	return fmt.Sprintf("The annual cost, %s, is above the maximum for %s, %s per full-time post in force on %s: the PCN pays the difference, %s a year for a full-time post.",
		rec.AnnualCostPence.Short(), roleName, cap.Short(), rec.Start.Format("2 January 2006"), (rec.AnnualCostPence - cap).Short())
}

// OverNumbersWarning warns that with rec the PCN claims fte of its role (roleName)
// from the ARRS on its start date, more than the limit the scheme funds in year: the
// PCN pays for the rest.
func OverNumbersWarning(rec workforce.StaffRecord, roleName string, fte, limit float64, year workforce.FinancialYear) string {
	return fmt.Sprintf("With this record the PCN has %s FTE of %s claimed from the ARRS on %s, more than the %s per PCN the scheme funds in %s: the PCN pays for the rest.",
		ui.Decimal(fte, 2), roleName, rec.Start.Format("2 January 2006"), ui.Decimal(limit, 0), year)
}
