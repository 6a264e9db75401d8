package report

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// ChecklistRow is one member of staff of a PCN's integration checklist, the download
// of its integration page: their record's items and, per warning, whether it applies
// (Has) where the PCN keeps the records it is read from (Known).
type ChecklistRow struct {
	PCNCode             string
	StaffID             int64
	RoleCode, Role      string
	FTE                 float64
	Start               time.Time
	Practices           []string
	InductionOn         time.Time
	RecordsAccessOn     time.Time
	AdminSupport        string
	ClinicalSupervisors []string
	LastAppraisalOn     time.Time
	// NextAppraisalDue is the due date recorded, zero when none is; AppraisalDue the
	// day the appraisal warning is judged on (integration.AppraisalDue: the one
	// recorded, else the planner's), zero when the warning is not known.
	NextAppraisalDue time.Time
	AppraisalDue     time.Time
	DevelopmentStep  string
	RoadmapStage     string
	Service          string
	Known, Has       map[integration.Warning]bool
	// InCounts is true for a person in post on the as-of date, counted in the PCN's
	// figures, false for one starting after it (integrationreport.PCN.Later).
	InCounts bool
}

// checklistDate is a day as the files write it, or empty.
func checklistDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(workforce.DateLayout)
}

func checklistText(name string, get func(ChecklistRow) string) column[ChecklistRow] {
	return column[ChecklistRow]{name, str(get), func(r ChecklistRow) any { return get(r) }}
}

func checklistDay(name string, get func(ChecklistRow) time.Time) column[ChecklistRow] {
	return checklistText(name, func(r ChecklistRow) string { return checklistDate(get(r)) })
}

// checklistFlag is a warning's column: 1 or 0, empty when not known.
func checklistFlag(w integration.Warning) column[ChecklistRow] {
	return column[ChecklistRow]{string(w), str(func(r ChecklistRow) string {
		switch {
		case !r.Known[w]:
			return ""
		case r.Has[w]:
			return "1"
		}
		return "0"
	}), func(r ChecklistRow) any {
		if !r.Known[w] {
			return nil
		}
		return r.Has[w]
	}}
}

func checklistColumns() []column[ChecklistRow] {
	cols := []column[ChecklistRow]{
		checklistText("pcn_code", func(r ChecklistRow) string { return r.PCNCode }),
		checklistText("staff_record", func(r ChecklistRow) string { return strconv.FormatInt(r.StaffID, 10) }),
		checklistText("role_code", func(r ChecklistRow) string { return r.RoleCode }),
		checklistText("role", func(r ChecklistRow) string { return r.Role }),
		{"fte", func(r ChecklistRow, places int) string { return workforce.FormatFTE(r.FTE, places) },
			func(r ChecklistRow) any { return workforce.Round(r.FTE, 6) }},
		checklistDay("start_date", func(r ChecklistRow) time.Time { return r.Start }),
		checklistText("practices", func(r ChecklistRow) string { return strings.Join(r.Practices, ";") }),
		checklistDay("induction_on", func(r ChecklistRow) time.Time { return r.InductionOn }),
		checklistDay("records_access_on", func(r ChecklistRow) time.Time { return r.RecordsAccessOn }),
		checklistText("admin_support", func(r ChecklistRow) string { return r.AdminSupport }),
		checklistText("clinical_supervisor", func(r ChecklistRow) string { return strings.Join(r.ClinicalSupervisors, "; ") }),
		checklistDay("last_appraisal_on", func(r ChecklistRow) time.Time { return r.LastAppraisalOn }),
		checklistDay("next_appraisal_due", func(r ChecklistRow) time.Time { return r.NextAppraisalDue }),
		checklistDay("appraisal_due", func(r ChecklistRow) time.Time { return r.AppraisalDue }),
		checklistText("development_step", func(r ChecklistRow) string { return r.DevelopmentStep }),
		checklistText("roadmap_stage", func(r ChecklistRow) string { return r.RoadmapStage }),
		checklistText("service", func(r ChecklistRow) string { return r.Service }),
	}
	for _, w := range integration.Warnings {
		cols = append(cols, checklistFlag(w))
	}
	return append(cols, column[ChecklistRow]{"in_counts", str(func(r ChecklistRow) string {
		if r.InCounts {
			return "1"
		}
		return "0"
	}), func(r ChecklistRow) any { return r.InCounts }})
}

// checklistSheet is the checklist's workbook: every column but FTE and the warnings'
// flags is text.
var checklistSheet = sheet{name: "Integration", text: map[string]bool{"pcn_code": true, "staff_record": true, "role_code": true,
	"role": true, "start_date": true, "practices": true, "induction_on": true, "records_access_on": true, "admin_support": true,
	"clinical_supervisor": true, "last_appraisal_on": true, "next_appraisal_due": true, "appraisal_due": true, "development_step": true,
	"roadmap_stage": true, "service": true}}

// WriteChecklistFile writes a PCN's integration checklist as its page's download:
// pcn_code, staff_record, role_code, role, fte, start_date, practices (ODS codes,
// ";"-separated), induction_on, records_access_on, admin_support, clinical_supervisor
// ("; "-separated names), last_appraisal_on, next_appraisal_due (as recorded),
// appraisal_due (the day the appraisal warning is judged on, empty when it is not
// known), development_step, roadmap_stage, service, then each warning
// (integration.Warnings) as 1 or 0, empty when not known, and in_counts: 1 for a
// person in post on the as-of date (in the PCN's counts), 0 for one starting after
// it. Dates are YYYY-MM-DD, empty when not recorded; FTE has 2 decimals.
// CSV, or its cells as XLSX; text escaped against formula injection.
func WriteChecklistFile(w io.Writer, f Format, rows []ChecklistRow) error {
	escaped := make([]ChecklistRow, len(rows))
	for i, r := range rows {
		r.Role, r.AdminSupport, r.DevelopmentStep = escapeFormula(r.Role), escapeFormula(r.AdminSupport), escapeFormula(r.DevelopmentStep)
		r.RoadmapStage, r.Service = escapeFormula(r.RoadmapStage), escapeFormula(r.Service)
		r.ClinicalSupervisors = make([]string, len(rows[i].ClinicalSupervisors))
		for j, name := range rows[i].ClinicalSupervisors {
			r.ClinicalSupervisors[j] = escapeFormula(name)
		}
		escaped[i] = r
	}
	var csvData bytes.Buffer
	if err := write(&csvData, CSV, checklistColumns(), escaped); err != nil {
		return err
	}
	return checklistSheet.write(w, f, csvData.Bytes())
}
