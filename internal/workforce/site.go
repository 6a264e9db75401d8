package workforce

import (
	"math"
	"strconv"
)

// MaxSiteSessionsPerWeek bounds a site's bookable room sessions a week: 30 rooms,
// each booked morning and afternoon five days a week.
const MaxSiteSessionsPerWeek = 300

// Site is one of a PCN's sites, with the room sessions a week the PCN can book there
// for its ARRS staff (a room for a morning or an afternoon is one session).
type Site struct {
	ID              int64
	PCNCode         string
	Name            string
	SessionsPerWeek float64
	Version         int
}

// Validate checks a site: a name, and sessions from 0 to 300 a week.
func (s Site) Validate() Problems {
	out := appendText(nil, "name", s.Name, "Enter the site's name", "Name")
	if s.SessionsPerWeek < 0 || s.SessionsPerWeek > MaxSiteSessionsPerWeek {
		out = append(out, Problem{"sessions", "Bookable sessions a week must be 0 or more, and no more than 300"})
	}
	return out
}

// trimFloat shows a number to at most 2 decimal places, without trailing zeros.
func trimFloat(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}
