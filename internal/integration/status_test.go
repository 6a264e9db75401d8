package integration

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestStatuses(t *testing.T) {
	t.Parallel()
	starter := settled()
	starter.Staff.Start = workforce.Date(2026, time.May, 1) // due by 1 August
	starter.Record.RecordsAccessOn = time.Time{}
	cases := []struct {
		name string
		got  Status
		want Status
	}{
		{"records access done", FirstDayStatus(settled(), settled().Record.RecordsAccessOn, today), Status{StatusDone, workforce.Date(2025, time.January, 8)}},
		{"records access, two-month starter", FirstDayStatus(starter, starter.Record.RecordsAccessOn, today), Status{StatusDueBy, workforce.Date(2026, time.August, 1)}},
		{"records access, four-month starter", FirstDayStatus(starter, time.Time{}, workforce.Date(2026, time.September, 1)), Status{Kind: StatusNotRecorded}},
		{"appraisal due", AppraisalStatus(settled(), today), Status{StatusDueBy, workforce.Date(2027, time.January, 10)}},
		{"appraisal due today", AppraisalStatus(settled(), workforce.Date(2027, time.January, 10)), Status{StatusDueBy, workforce.Date(2027, time.January, 10)}},
		{"appraisal overdue", AppraisalStatus(settled(), workforce.Date(2027, time.January, 11)), Status{StatusOverdue, workforce.Date(2027, time.January, 10)}},
		{"supervisor", SupervisorStatus(settled()), Status{Kind: StatusDone}},
		{"no supervisor", SupervisorStatus(Person{NeedsSupervision: true}), Status{Kind: StatusNotRecorded}},
		{"no supervisor needed", SupervisorStatus(Person{}), Status{Kind: StatusNotApplicable}},
	}
	for _, c := range cases {
		if c.got.Kind != c.want.Kind || !c.got.On.Equal(c.want.On) {
			t.Errorf("%s: %+v, want %+v", c.name, c.got, c.want)
		}
	}
}
