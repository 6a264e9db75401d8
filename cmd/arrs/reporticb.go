package main

import (
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// dateLong is how a sentence writes a day, as the pages do: "1 April 2026".
const dateLong = "2 January 2006"

// icbAbsence says why an ICB the planner knows has no rows on a report's day, in the
// words of its pages: it did not exist yet, no longer existed, or (on today's
// footprints) is not one of today's ICBs.
func icbAbsence(c workforce.ICB, day time.Time, fp gaps.Footprints) string {
	d := day.Format(dateLong)
	switch {
	case fp.IsCurrent():
		return fmt.Sprintf("ICB %s is not one of today's ICBs: on today's footprints its networks count in the ICBs they belong to today", c.Code)
	case !c.Opened.IsZero() && day.Before(c.Opened):
		return fmt.Sprintf("ICB %s did not exist on %s: it was formed on %s", c.Code, d, c.Opened.Format(dateLong))
	case !c.Closed.IsZero() && !day.Before(c.Closed):
		return fmt.Sprintf("ICB %s no longer existed on %s: its last day was %s", c.Code, d, c.LastDay().Format(dateLong))
	}
	return fmt.Sprintf("ICB %s had no networks on %s", c.Code, d)
}

// checkAt refuses a --at outside the days a report can describe
// (workforce.DescribableDays), as the pages refuse ?at=.
func checkAt(at, today time.Time) error {
	first, last := workforce.DescribableDays(today)
	switch {
	case at.Before(first):
		return fmt.Errorf("--at %s is before %s, the first day of the structure of PCNs the planner knows",
			at.Format(workforce.DateLayout), first.Format(dateLong))
	case at.After(last):
		return fmt.Errorf("--at %s is after %s, the last day of the plan window (this financial year and the next two)",
			at.Format(workforce.DateLayout), last.Format(dateLong))
	}
	return nil
}
