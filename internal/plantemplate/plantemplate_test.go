package plantemplate

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	roles = []workforce.Role{
		{Code: "clinical_pharmacist", Name: "Clinical pharmacist"},
		{Code: "paramedic", Name: "Paramedic"},
		{Code: "dietitian", Name: "Dietitian"},
	}
	asOf = workforce.Date(2025, 11, 30)
)

func window() []workforce.Quarter {
	var w []workforce.Quarter
	for fy := workforce.FinancialYear(2026); fy <= 2028; fy++ {
		for n := 1; n <= 4; n++ {
			w = append(w, workforce.Quarter{Year: fy, N: n})
		}
	}
	return w
}

func line(role string, q workforce.Quarter, starters, leavers float64) workforce.PlanLine {
	return workforce.PlanLine{PCNCode: "U60057", RoleCode: role, QuarterStart: q.Start(), StartersFTE: starters, LeaversFTE: leavers}
}

// input is a plan of three lines in the window and one past it, with figures for the
// first two years' ends and the first year's money only.
func input() Input {
	lines := []workforce.PlanLine{
		line("clinical_pharmacist", workforce.Quarter{Year: 2026, N: 2}, 1, 0),
		line("clinical_pharmacist", workforce.Quarter{Year: 2026, N: 3}, 0.1, 0),
		line("clinical_pharmacist", workforce.Quarter{Year: 2026, N: 4}, 0.2, 0),
		line("paramedic", workforce.Quarter{Year: 2027, N: 1}, 0, 0.5),
		line("dietitian", workforce.Quarter{Year: 2031, N: 1}, 1, 0),
	}
	money := planning.Funding{PlannedPence: 3_000_000 - 400_000, Lines: []planning.FundingLine{
		{Kind: planning.LineStaff, Role: "clinical_pharmacist", TotalPence: 9_999_999},
		{Kind: planning.LinePlan, Role: "clinical_pharmacist", TotalPence: 3_000_000},
		{Kind: planning.LinePlan, Role: "paramedic", TotalPence: -400_000, Leavers: true},
	}}
	return Input{Roles: roles, Window: window(), Lines: lines, Figures: planfigures.Figures{
		AsOf: asOf, InPost: 5, InPostByRole: map[string]float64{"clinical_pharmacist": 3, "paramedic": 2},
		Quarters: map[workforce.Quarter]planfigures.Quarter{{Year: 2026, N: 4}: {Projected: 5.75}, {Year: 2027, N: 4}: {Projected: 5.125}},
		Years:    map[workforce.FinancialYear]planfigures.Year{2026: {Funding: money}},
	}}
}

// The table is the lines summed by role and year, and the figures as given: the
// network's FTE at each year's end, the year's planned claims split by role; what the
// figures do not hold is not known.
func TestBuild(t *testing.T) {
	t.Parallel()
	tab := Build(input())
	if len(tab.Years) != 3 || tab.Years[0] != 2026 || len(tab.Rows) != 3 {
		t.Fatalf("years %v, %d rows", tab.Years, len(tab.Rows))
	}
	cp, para, diet := tab.Rows[0], tab.Rows[1], tab.Rows[2]
	if cp.Name != "Clinical pharmacist" || diet.Name != "Dietitian" {
		t.Errorf("rows by name in the roles' order: %q %q", cp.Name, diet.Name)
	}
	if got := cp.Years[0]; fte(got.Starters) != 1.3 || got.Cost != (plansheet.Money{Pence: 3_000_000, Known: true}) || got.YearEnd.Known {
		t.Errorf("clinical pharmacist 2026/27: %+v", got)
	}
	if got := para.Years[1]; got.Leavers != 0.5 || got.Cost.Known {
		t.Errorf("paramedic 2027/28 (no money worked out): %+v", got)
	}
	if diet.InPost != (plansheet.Figure{Value: 0, Known: true}) || cp.InPost != (plansheet.Figure{Value: 3, Known: true}) {
		t.Errorf("in post: %+v %+v", diet.InPost, cp.InPost)
	}
	total := tab.Total
	if total.Years[0].YearEnd != (plansheet.Figure{Value: 5.75, Known: true}) || total.Years[1].YearEnd != (plansheet.Figure{Value: 5.125, Known: true}) || total.Years[2].YearEnd.Known {
		t.Errorf("year ends: %+v", total.Years)
	}
	if total.Years[0].Cost != (plansheet.Money{Pence: 2_600_000, Known: true}) || fte(total.Years[0].Starters) != 1.3 || total.Years[1].Leavers != 0.5 {
		t.Errorf("totals of 2026/27: %+v", total.Years[0])
	}
	if notes := strings.Join(tab.Notes, "\n"); !strings.Contains(notes, "1 plan line outside the years shown") ||
		!strings.Contains(notes, "in post on 30 November 2025") {
		t.Errorf("notes:\n%s", notes)
	}
}

// Before any census, nothing worked out from the staff is known: "no data", never 0.
func TestBuildNoCensus(t *testing.T) {
	t.Parallel()
	in := input()
	in.Figures = planfigures.Figures{NoCensus: true}
	tab := Build(in)
	if tab.Total.InPost.Known || tab.Rows[0].InPost.Known || tab.Total.Years[0].YearEnd.Known || tab.Total.Years[0].Cost.Known || tab.Rows[0].Years[0].Cost.Known {
		t.Errorf("known without a census: %+v", tab.Total)
	}
	if tab.Total.Years[0].Starters == 0 {
		t.Error("the plan's own lines are known without a census")
	}
	if !strings.Contains(tab.Notes[0], "No workforce census has been imported") {
		t.Errorf("first note: %q", tab.Notes[0])
	}
}

// With a census but no target the staff in post are known; the FTE at the year end
// (a projection against the fair share) is not. A year's lines costed on an
// assumption are noted in the plan page's words.
func TestBuildNoTarget(t *testing.T) {
	t.Parallel()
	in := input()
	in.Figures.NoTarget, in.Figures.Quarters = true, nil
	y := in.Figures.Years[2026]
	y.Costs = map[planning.LineKind]planning.CostCounts{planning.LinePlan: {Assumed: 2}}
	in.Figures.Years[2026] = y
	tab := Build(in)
	if tab.Total.InPost != (plansheet.Figure{Value: 5, Known: true}) || tab.Rows[1].InPost != (plansheet.Figure{Value: 2, Known: true}) ||
		tab.Rows[2].InPost != (plansheet.Figure{Known: true}) {
		t.Errorf("in post without a target: %+v %+v %+v", tab.Total.InPost, tab.Rows[1].InPost, tab.Rows[2].InPost)
	}
	if tab.Total.Years[0].YearEnd.Known || !tab.Total.Years[0].Cost.Known {
		t.Errorf("2026/27 without a target: %+v", tab.Total.Years[0])
	}
	notes := strings.Join(tab.Notes, "\n")
	if !strings.Contains(tab.Notes[0], "No recruitment target is set") || strings.Contains(tab.Notes[0], "staff in post") ||
		!strings.Contains(notes, "2026/27: "+planning.CostNotes(y.Costs)[0]) {
		t.Errorf("notes:\n%s", notes)
	}
}

var header = plansheet.Header{Network: "Shrewsbury PCN & Co", Code: "U60057", ICB: "NHS Shropshire, Telford and Wrekin ICB", ICBCode: "QOC",
	Version: 2, Status: "Submitted", Stamps: []plansheet.Stamp{{What: "Submitted", By: "manager@example.nhs.uk", At: time.Date(2026, 5, 3, 13, 5, 0, 0, time.UTC)}},
	Generated: time.Date(2026, 5, 10, 8, 0, 0, 0, time.UTC)}

// The workbook: the title block, the roles by name, FTE and money as numbers in their
// formats, "no data" as text, frozen headers, A4 landscape one page wide.
func TestWorkbook(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := Write(&b, header, Build(input())); err != nil {
		t.Fatal(err)
	}
	book := sheettest.Open(t, b.Bytes())
	if s := book.Sheets(); len(s) != 1 || s[0] != Sheet {
		t.Fatalf("sheets %v", s)
	}
	rows := book.Rows(Sheet)
	at := map[string][]string{}
	for _, r := range rows {
		if len(r) > 0 {
			at[r[0]] = r
		}
	}
	if rows[0][0] != "ARRS workforce plan: Shrewsbury PCN & Co (U60057)" || at["Plan version"][1] != "2: Submitted" ||
		at["Submitted"][1] != "by manager@example.nhs.uk on 3 May 2026 at 14:05" || at["Generated"][1] != "10 May 2026 at 09:00" ||
		at["ICB"][1] != "NHS Shropshire, Telford and Wrekin ICB (QOC)" {
		t.Errorf("title block: %q", rows[:9])
	}
	cp, total := at["Clinical pharmacist"], at["Total"]
	if cp == nil || total == nil || at["Paramedic"] == nil || at["Dietitian"] == nil {
		t.Fatalf("rows: %q", rows)
	}
	// Role, in post, then per year: starters, leavers, year end, cost.
	if strings.Join(cp[:6], "|") != "Clinical pharmacist|3|1.3|0||30000" {
		t.Errorf("clinical pharmacist: %q", cp)
	}
	if strings.Join(total, "|") != "Total|5|1.3|0|5.75|26000|0|0.5|5.125|no data|0|0|no data|no data" {
		t.Errorf("total: %q", total)
	}
	checkFormats(t, b.Bytes())
}

// checkFormats reads the workbook's formats back: the totals' number formats, the
// panes, the page setup.
func checkFormats(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := findCell(t, f, "Total")
	row := ref[1:]
	for col, want := range map[string]string{"C": "1.30", "E": "5.75", "F": "£26,000", "B": "5.00"} {
		if got, _ := f.GetCellValue(Sheet, col+row); got != want {
			t.Errorf("%s%s shows %q, want %q", col, row, got, want)
		}
	}
	panes, err := f.GetPanes(Sheet)
	if err != nil || !panes.Freeze || panes.XSplit != 1 || panes.YSplit < 10 {
		t.Errorf("panes %+v %v", panes, err)
	}
	layout, err := f.GetPageLayout(Sheet)
	if err != nil || *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	titles := ""
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles = d.RefersTo
		}
	}
	head := strconv.Itoa(panes.YSplit - 1)
	if titles != "'"+Sheet+"'!$"+head+":$"+strconv.Itoa(panes.YSplit) {
		t.Errorf("print titles %q, want the header rows %s and %d", titles, head, panes.YSplit)
	}
	if props, err := f.GetSheetProps(Sheet); err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("not fit to page: %v", err)
	}
	if w, _ := f.GetColWidth(Sheet, "A"); w < 30 {
		t.Errorf("role column width %v", w)
	}
}

func findCell(t *testing.T, f *excelize.File, text string) string {
	t.Helper()
	refs, err := f.SearchSheet(Sheet, text)
	if err != nil || len(refs) == 0 {
		t.Fatalf("%q not found: %v", text, err)
	}
	return refs[0]
}
