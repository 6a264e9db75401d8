package input

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Date is a date as typed in the day, month and year boxes of a date input.
type Date struct{ Day, Month, Year string }

// DateOf fills the boxes from a date; zero leaves them empty.
func DateOf(d time.Time) Date {
	if d.IsZero() {
		return Date{}
	}
	return Date{strconv.Itoa(d.Day()), strconv.Itoa(int(d.Month())), strconv.Itoa(d.Year())}
}

// PostedDate is the date input named name as posted: its boxes are name[day],
// name[month] and name[year].
func PostedDate(v url.Values, name string) Date {
	return Date{Day: v.Get(name + "[day]"), Month: v.Get(name + "[month]"), Year: v.Get(name + "[year]")}
}

// ReadDate reads a date input with the NHS service manual's messages: what is missing,
// or that it is not a real date, in errs[key] (label names the date in them), and the
// boxes in error in *parts. Empty and not required is the zero time.
func ReadDate(d Date, label string, required bool, errs map[string]string, key string, parts *[]string) time.Time {
	boxes := []struct{ name, value string }{{"day", d.Day}, {"month", d.Month}, {"year", d.Year}}
	var missing []string
	for _, b := range boxes {
		if strings.TrimSpace(b.value) == "" {
			missing = append(missing, b.name)
		}
	}
	switch {
	case len(missing) == 3 && !required:
		return time.Time{}
	case len(missing) == 3:
		errs[key] = "Enter the " + strings.ToLower(label)
		return time.Time{}
	case len(missing) > 0:
		errs[key] = label + " must include a " + strings.Join(missing, " and ")
		*parts = missing
		return time.Time{}
	}
	day, err1 := strconv.Atoi(strings.TrimSpace(d.Day))
	month, err2 := strconv.Atoi(strings.TrimSpace(d.Month))
	year, err3 := strconv.Atoi(strings.TrimSpace(d.Year))
	t := workforce.Date(year, time.Month(month), day)
	if err1 != nil || err2 != nil || err3 != nil || year < 1900 || year > 2200 || t.Day() != day || int(t.Month()) != month {
		errs[key] = label + " must be a real date"
		return time.Time{}
	}
	return t
}

// DateParams is the NHS date input id (its boxes posted as PostedDate reads them)
// showing the boxes as typed, the message, and the boxes in error (parts, as ReadDate
// names them).
func DateParams(id, legend, hint string, d Date, errorText string, parts []string) ui.DateInputParams {
	has := func(p string) bool { return slices.Contains(parts, p) }
	return ui.DateInputParams{ID: id, NamePrefix: id, Legend: ui.LegendParams{Text: legend, Size: ui.SizeS}, Hint: hint, Error: errorText,
		Day: ui.DateInputPart{Value: d.Day, Error: has("day")}, Month: ui.DateInputPart{Value: d.Month, Error: has("month")},
		Year: ui.DateInputPart{Value: d.Year, Error: has("year")}}
}

// FirstBox is the box of a date in error that the error summary links to: the first
// of parts, else the day.
func FirstBox(parts []string) string {
	if len(parts) == 0 {
		return "day"
	}
	return parts[0]
}
