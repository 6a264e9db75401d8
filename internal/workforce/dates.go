package workforce

import "time"

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
