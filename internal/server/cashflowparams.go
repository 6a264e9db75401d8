package server

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// cashQuery is what a cash flow page or download is asked for, every value bounded:
// the years shown, the payment lag (nil: the ICB's), a backdated uplift (nil: none)
// and, on the page, a what-if move as written in the address (checked against the
// PCN's records by cashflowMove).
type cashQuery struct {
	years  []workforce.FinancialYear
	lag    *int
	uplift *planning.Uplift
	// upliftMonth is the month the uplift is confirmed in (August 2026).
	upliftMonth time.Time
	move        moveQuery
}

// moveQuery is a what-if's ?move=, ?to= and ?practice= as read: a staff record
// (staff, staffID) or the plan lines of a role and quarter, moved to stream to.
type moveQuery struct {
	raw      string
	staff    bool
	staffID  int64
	role     string
	quarter  time.Time
	to       workforce.Stream
	practice string
}

// active reports whether the address asks for a what-if.
func (m moveQuery) active() bool { return m.raw != "" }

// maxParamLen bounds every query value of the cash flow: the longest valid one (a
// plan line's move, plan-<role>-YYYY-MM-DD) is well under it.
const maxParamLen = 64

var (
	staffMove    = regexp.MustCompile(`^staff-([0-9]{1,18})$`)
	planMove     = regexp.MustCompile(`^plan-([a-z][a-z_]{0,39})-([0-9]{4}-[0-9]{2}-[0-9]{2})$`)
	practiceCode = regexp.MustCompile(`^[A-Z][A-Z0-9]{2,9}$`)
)

// readCashQuery reads and bounds the query of a cash flow page (page: years default to
// this one and the next, a what-if may be asked) or download (one year, this one by
// default). window is the plan window's financial years; a refusal names the limit.
func readCashQuery(q url.Values, window []workforce.FinancialYear, page bool) (cashQuery, error) {
	for k, vs := range q {
		for _, v := range vs {
			if len(v) > maxParamLen {
				return cashQuery{}, errBadRequest("The value of %q is longer than %d characters.", k, maxParamLen)
			}
		}
	}
	var c cashQuery
	var err error
	if c.years, err = cashYears(q.Get("year"), window, page); err != nil {
		return c, err
	}
	if c.lag, err = cashLag(q.Get("lag")); err != nil {
		return c, err
	}
	if err = c.readUplift(q.Get("uplift"), q.Get("uplift_month")); err != nil {
		return c, err
	}
	if page {
		c.move, err = readMove(q.Get("move"), q.Get("to"), q.Get("practice"), window)
	}
	return c, err
}

// cashYears is ?year= (funding.ParseYear, as `arrs report cashflow --year`): one of
// the plan window's years, as 2026/27 or 2026; without it, the page shows this year
// and the next, a download this year.
func cashYears(v string, window []workforce.FinancialYear, page bool) ([]workforce.FinancialYear, error) {
	if v == "" {
		if page && len(window) > 1 {
			return window[:2], nil
		}
		return window[:1], nil
	}
	y, err := funding.ParseYear(v, window[0], window[len(window)-1])
	if err != nil {
		return nil, errBadRequest("The year %v. The page shows the years of the plan window.", err)
	}
	return []workforce.FinancialYear{y}, nil
}

// cashLag is ?lag= (funding.ParseLag, as --lag); nil when absent.
func cashLag(v string) (*int, error) {
	if v == "" {
		return nil, nil
	}
	n, err := funding.ParseLag(v)
	if err != nil {
		return nil, errBadRequest("The payment lag %v.", err)
	}
	return &n, nil
}

// readUplift is ?uplift= (funding.ParseUplift, as --uplift) and ?uplift_month=
// (funding.ParseMonth: YYYY-MM, a month of the years shown, when the award is
// confirmed and its arrears paid). An uplift applies to the year of its month, and
// only that year is shown: the next year's award is another one. A month without a
// percentage is checked and otherwise ignored: the form keeps it chosen while its
// percentage is cleared.
func (c *cashQuery) readUplift(percent, month string) error {
	first, last := c.years[0].Start(), c.years[len(c.years)-1].MonthStarts()[11]
	var m time.Time
	if month != "" {
		var err error
		if m, err = funding.ParseMonth(month, first, last); err != nil {
			return errBadRequest("The uplift month %v. It is a month of the years shown.", err)
		}
	}
	if percent == "" {
		return nil
	}
	p, err := funding.ParseUplift(percent)
	if err != nil {
		return errBadRequest("The uplift %v.", err)
	}
	if month == "" {
		return errBadRequest("Give the month the uplift is confirmed in, ?uplift_month=YYYY-MM, from %s to %s.",
			first.Format("2006-01"), last.Format("2006-01"))
	}
	fy, u := funding.UpliftIn(p, m)
	c.years, c.uplift = []workforce.FinancialYear{fy}, &u
	c.upliftMonth = m
	return nil
}

// readMove reads a what-if's ?move=staff-{id} or plan-{role}-{YYYY-MM-DD} (a quarter
// of the plan window), ?to= (a stream) and ?practice= (an ODS code). Whether they
// name this PCN's record, lines and practice is cashflowMove's to check.
func readMove(move, to, practice string, window []workforce.FinancialYear) (moveQuery, error) {
	m := moveQuery{raw: move, practice: strings.ToUpper(practice)}
	if move == "" {
		if to != "" || practice != "" {
			return m, errBadRequest("A what-if names the post it moves: ?move=staff-{id} or ?move=plan-gp-{quarter start, YYYY-MM-DD}.")
		}
		return m, nil
	}
	if sm := staffMove.FindStringSubmatch(move); sm != nil {
		m.staff = true
		m.staffID, _ = strconv.ParseInt(sm[1], 10, 64)
	} else if pm := planMove.FindStringSubmatch(move); pm != nil {
		q, err := moveQuarter(pm[2], window)
		if err != nil {
			return m, err
		}
		m.role, m.quarter = pm[1], q
	} else {
		return m, errBadRequest("The what-if %q names no post: give ?move=staff-{id} or ?move=plan-gp-{quarter start, YYYY-MM-DD}.", move)
	}
	s, ok := workforce.ParseStream(to)
	if !ok {
		return m, errBadRequest("The what-if's stream %q is not one: give ?to=arrs, practice_gp or other.", to)
	}
	m.to = s
	switch {
	case practice != "" && !practiceCode.MatchString(m.practice):
		return m, errBadRequest("The practice %q is not an ODS code, such as A81001.", practice)
	case practice != "" && !m.staff:
		return m, errBadRequest("Plan lines name no practice: the plan's practice-scheme starters are claimed against the PCN's practices together. " +
			"Leave out ?practice= for a move of the plan's starters.")
	case s == workforce.StreamPracticeGP && m.staff && practice == "":
		return m, errBadRequest("A GP moved to the practice GP scheme is claimed by one member practice: name it, ?practice={ODS code}.")
	case s != workforce.StreamPracticeGP && practice != "":
		return m, errBadRequest("A practice is named only for a move to the practice GP scheme (?to=practice_gp).")
	}
	return m, nil
}

// moveQuarter reads a plan line's quarter start, which must be a quarter of the plan
// window.
func moveQuarter(v string, window []workforce.FinancialYear) (time.Time, error) {
	d, err := workforce.ParseDate(v)
	first := window[0].Start()
	last := window[len(window)-1].MonthStarts()[9]
	if err != nil || !workforce.PlanWindowAt(first).Holds(d) || workforce.QuarterOf(d).Start() != d {
		return d, errBadRequest("The quarter %q is not the first day of a quarter of the plan window: give one from %s to %s, such as %s.",
			v, first.Format(time.DateOnly), last.Format(time.DateOnly), window[len(window)-1].MonthStarts()[3].Format(time.DateOnly))
	}
	return d, nil
}
