package input

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestReadDate(t *testing.T) {
	cases := []struct {
		d        Date
		required bool
		want     time.Time
		msg      string
		parts    []string
	}{
		{Date{}, false, time.Time{}, "", nil},
		{Date{}, true, time.Time{}, "Enter the start date", nil},
		{Date{Day: "1", Year: "2026"}, true, time.Time{}, "Start date must include a month", []string{"month"}},
		{Date{Year: "2026"}, true, time.Time{}, "Start date must include a day and month", []string{"day", "month"}},
		{Date{"31", "2", "2026"}, true, time.Time{}, "Start date must be a real date", nil},
		{Date{"1", "4", "1899"}, true, time.Time{}, "Start date must be a real date", nil},
		{Date{" 1", "4 ", "2026"}, true, workforce.Date(2026, time.April, 1), "", nil},
	}
	for _, c := range cases {
		errs := map[string]string{}
		var parts []string
		got := ReadDate(c.d, "Start date", c.required, errs, "start", &parts)
		if !got.Equal(c.want) || errs["start"] != c.msg || strings.Join(parts, ",") != strings.Join(c.parts, ",") {
			t.Errorf("%+v: %v %q %v, want %v %q %v", c.d, got, errs["start"], parts, c.want, c.msg, c.parts)
		}
	}
}

func TestPostedDateAndDateOf(t *testing.T) {
	v := url.Values{"end[day]": {"9"}, "end[month]": {"10"}, "end[year]": {"2026"}}
	if got := PostedDate(v, "end"); got != DateOf(workforce.Date(2026, time.October, 9)) {
		t.Errorf("PostedDate = %+v", got)
	}
	if DateOf(time.Time{}) != (Date{}) {
		t.Error("a zero date fills the boxes")
	}
}

func TestTooLongCountsCharacters(t *testing.T) {
	errs := map[string]string{"name": "Enter a name"}
	v := url.Values{"name": {strings.Repeat("é", 5)}, "code": {"ABCDEF"}}
	if TooLong(v, errs, Limit{"name", "Name", 5}) {
		t.Errorf("5 characters over a limit of 5: %v", errs)
	}
	if !TooLong(v, errs, Limit{"name", "Name", 5}, Limit{"code", "Code", 5}) || errs["code"] != "Code must be 5 characters or fewer" {
		t.Errorf("6 characters within a limit of 5: %v", errs)
	}
}

func TestNumbers(t *testing.T) {
	for _, s := range []string{"NaN", "Inf", "", "1,5"} {
		if _, ok := Number(s); ok {
			t.Errorf("%q read as a number", s)
		}
	}
	errs := map[string]string{}
	if x := Decimal(" 2.5", "fte", "missing", "not a number", errs); x != 2.5 || len(errs) != 0 {
		t.Errorf("Decimal = %v, %v", x, errs)
	}
	Decimal("", "fte", "missing", "not a number", errs)
	Decimal("x", "hours", "missing", "not a number", errs)
	if errs["fte"] != "missing" || errs["hours"] != "not a number" {
		t.Errorf("messages %v", errs)
	}
	if NumberText(0.25) != "0.25" || NumberText(10) != "10" {
		t.Error("NumberText adds or drops decimals")
	}
}

func TestAddProblemsKeepsTheFirstMessage(t *testing.T) {
	errs := map[string]string{"fte": "FTE must be a number"}
	AddProblems(errs, []workforce.Problem{{Field: "fte", Message: "too big"}, {Field: "start", Message: "Enter the start date"}})
	if errs["fte"] != "FTE must be a number" || errs["start"] != "Enter the start date" {
		t.Errorf("%v", errs)
	}
}
