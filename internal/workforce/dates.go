package workforce

import (
	"time"
	_ "time/tzdata" // England's calendar, whatever the host's zone files
)

// DateLayout is the ISO date format of every file and URL.
const DateLayout = "2006-01-02"

// Date returns midnight UTC of the given day.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseDate parses an ISO YYYY-MM-DD date at midnight UTC.
func ParseDate(s string) (time.Time, error) {
	return time.ParseInLocation(DateLayout, s, time.UTC)
}

// CensusDate is the last day of a census month: NWRS snapshots describe that day.
func CensusDate(year int, month time.Month) time.Time {
	return Date(year, month+1, 1).AddDate(0, 0, -1)
}

// london is the clock of every NHS England deadline, census and financial year.
var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("workforce: " + err.Error() + "")
	}
	return loc
}

// Today is the date of now in England (Europe/London), as midnight UTC like every date
// here: the one "today" of every page, download and command. Between midnight and 1 am
// in British Summer Time it is already tomorrow in England though still today in UTC,
// and a server in another zone would otherwise disagree with its users.
func Today(now time.Time) time.Time {
	return Date(now.In(london).Date())
}

// InEngland is t on England's clock, for showing a moment (a save, a sign-off) to people.
func InEngland(t time.Time) time.Time { return t.In(london) }
