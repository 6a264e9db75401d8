package report

import (
	"bytes"
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// CashFlowRow is one month of a PCN's cash flow (PLANNING.md, "Cash-flow report"),
// with what of it is known (funding.CashKnown) and, when something is not, the
// census the staff data start at.
type CashFlowRow struct {
	PCN string
	planning.CashMonth
	EarnedKnown, ReceivedKnown, NetKnown, PositionKnown bool
	DataStart                                           time.Time
}

// CashFlowRows is a PCN year's cash flow, one row per month, April first.
func CashFlowRows(y funding.PCNYear) []CashFlowRow {
	k := y.CashKnown()
	var from time.Time
	if !k.All() {
		from = y.DataStart
	}
	rows := make([]CashFlowRow, len(y.CashFlow.Months))
	for i, m := range y.CashFlow.Months {
		rows[i] = CashFlowRow{PCN: y.PCN, CashMonth: m, EarnedKnown: k.Earned[i], ReceivedKnown: k.Received[i], NetKnown: k.Net[i],
			PositionKnown: k.Position[i], DataStart: from}
	}
	return rows
}

// knownMoney is a column of pounds that are empty (null in JSON) when not known.
func knownMoney(name string, get func(CashFlowRow) (workforce.Pence, bool)) column[CashFlowRow] {
	return maybeMoney(name, func(r CashFlowRow) *workforce.Pence {
		if p, ok := get(r); ok {
			return &p
		}
		return nil
	})
}

// cashDataFrom is the census the staff data start at, when some figure of the year is
// not known for want of them; else empty.
func cashDataFrom(r CashFlowRow) string {
	if r.DataStart.IsZero() {
		return ""
	}
	return r.DataStart.Format(time.DateOnly)
}

var cashFlowColumns = []column[CashFlowRow]{
	{"pcn_code", str(func(r CashFlowRow) string { return r.PCN }), func(r CashFlowRow) any { return r.PCN }},
	{"month", str(func(r CashFlowRow) string { return r.Month.Format("2006-01") }), func(r CashFlowRow) any { return r.Month.Format("2006-01") }},
	knownMoney("claims_earned_gbp", func(r CashFlowRow) (workforce.Pence, bool) { return r.Earned, r.EarnedKnown }),
	knownMoney("claims_received_gbp", func(r CashFlowRow) (workforce.Pence, bool) { return r.Received, r.ReceivedKnown }),
	knownMoney("staff_costs_paid_gbp", func(r CashFlowRow) (workforce.Pence, bool) { return r.CostsPaid, r.EarnedKnown }),
	knownMoney("net_gbp", func(r CashFlowRow) (workforce.Pence, bool) { return r.Net, r.NetKnown }),
	knownMoney("cash_position_gbp", func(r CashFlowRow) (workforce.Pence, bool) { return r.Position, r.PositionKnown }),
	{"staff_data_from", str(cashDataFrom), func(r CashFlowRow) any { return cashDataFrom(r) }},
}

// WriteCashFlow writes a cash flow (PLANNING.md, "Cash-flow report": pcn_code, month,
// claims_earned_gbp, claims_received_gbp, staff_costs_paid_gbp, net_gbp,
// cash_position_gbp; then staff_data_from, as the funding report has it), one row per
// month, pounds with 2 decimals exact to the penny. A figure the staff data cannot
// give (a month before the first census, or a position after one) is empty, null in
// JSON, never 0; staff_data_from then names the census, on every row of the year.
func WriteCashFlow(w io.Writer, f Format, rows []CashFlowRow) error {
	return write(w, f, cashFlowColumns, rows)
}

// cashFlowSheet is the cash flow's workbook: the code, month and census day are text.
var cashFlowSheet = sheet{name: "Cash flow", text: map[string]bool{"pcn_code": true, "month": true, "staff_data_from": true}}

// WriteCashFlowFile writes a cash flow as the cash flow page's download: the CSV of
// WriteCashFlow, or its cells as XLSX (a PCN code is never a formula; nothing to
// escape).
func WriteCashFlowFile(w io.Writer, f Format, rows []CashFlowRow) error {
	var csvData bytes.Buffer
	if err := WriteCashFlow(&csvData, CSV, rows); err != nil {
		return err
	}
	return cashFlowSheet.write(w, f, csvData.Bytes())
}
