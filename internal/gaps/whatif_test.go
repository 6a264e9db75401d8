package gaps

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestReadWhatIf(t *testing.T) {
	t.Parallel()
	today := workforce.Date(2026, 11, 23)
	d := Defaults{Targets: []workforce.Target{
		{Name: "26000 additional roles", IsDefault: true, Baseline: workforce.Date(2019, 3, 31)},
		{Name: "Later", Baseline: workforce.Date(2025, 3, 31)},
	}}
	rate, fte := 0.125, 26000.0
	deadline, asOf := workforce.Date(2027, 3, 31), workforce.Date(2025, 11, 30)
	cases := []struct {
		name     string
		values   map[string]string
		want     Options
		problems []string // the parameters in error, in the order of the form
	}{
		{"none", nil, Options{Today: today}, nil},
		{"every one", map[string]string{ParamTarget: "Later", ParamTargetFTE: "26,000", ParamDeadline: "2027-03-31",
			ParamAsOf: "2025-11-30", ParamAttrition: "12.5%"},
			Options{Target: "Later", TargetFTEOverride: &fte, DeadlineOverride: &deadline, AsOf: asOf, AttritionOverride: &rate, Today: today}, nil},
		{"unreadable", map[string]string{ParamTarget: "Nope", ParamTargetFTE: "lots", ParamDeadline: "31/03/2027",
			ParamAsOf: "1999-12-31", ParamAttrition: "101"},
			Options{Target: "Nope", Today: today}, []string{ParamTarget, ParamTargetFTE, ParamDeadline, ParamAsOf, ParamAttrition}},
		{"as-of date before the first PCNs", map[string]string{ParamAsOf: "2019-06-30"}, Options{Today: today}, []string{ParamAsOf}},
		{"as-of date after the plan window", map[string]string{ParamAsOf: "2029-04-01"}, Options{Today: today}, []string{ParamAsOf}},
		{"as-of date on the last describable day", map[string]string{ParamAsOf: "2029-03-31"}, Options{AsOf: workforce.Date(2029, 3, 31), Today: today}, nil},
		{"too long to read", map[string]string{ParamTarget: strings.Repeat("T", 201), ParamAttrition: strings.Repeat("1", 21), ParamDeadline: "2027-03-31"},
			Options{Today: today}, []string{ParamTarget, ParamAttrition}},
		{"deadline before the baseline", map[string]string{ParamTarget: "Later", ParamDeadline: "2025-01-01"},
			Options{Target: "Later", DeadlineOverride: ptr(workforce.Date(2025, 1, 1)), Today: today}, []string{ParamDeadline}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts, problems := ReadWhatIf(func(p string) string { return c.values[p] }, d, today)
			if !reflect.DeepEqual(opts, c.want) {
				t.Errorf("options %+v, want %+v", opts, c.want)
			}
			var fields []string
			for _, p := range problems {
				fields = append(fields, p.Field)
			}
			if !reflect.DeepEqual(fields, c.problems) {
				t.Errorf("problems %v, want on %v", problems, c.problems)
			}
		})
	}
}

func ptr(d time.Time) *time.Time { return &d }

func TestDefaultsTarget(t *testing.T) {
	t.Parallel()
	first := workforce.Target{Name: "First"}
	marked := workforce.Target{Name: "Marked", IsDefault: true}
	if got, ok := (Defaults{Targets: []workforce.Target{first, marked}}).Target(""); !ok || got.Name != "Marked" {
		t.Errorf("the default: %v %v", got.Name, ok)
	}
	if got, ok := (Defaults{Targets: []workforce.Target{first}}).Target(""); !ok || got.Name != "First" {
		t.Errorf("none marked: %v %v", got.Name, ok)
	}
	if _, ok := (Defaults{}).Target(""); ok {
		t.Error("a default target with none stored")
	}
}
