package server

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/ui"
)

// censusDueMonths is how far behind today the latest national census may be before an
// import is due: NHS England publishes the PCN workforce census every month, some
// weeks after its date, so one older than the census of three months ago has a newer
// one out (docs/homes.md).
const censusDueMonths = 3

// importsDue are the facts about the imports a home page shows, for the networks
// named (an ICB's, or England's): the latest national census and its age, and how
// many of them have no weighted population from this quarter.
func (s *Server) importsDue(r *http.Request, pcns []string) ([]areas.Due, error) {
	census, err := s.censusDue(r)
	if err != nil {
		return nil, err
	}
	pops, err := s.populationsDue(r, pcns)
	return []areas.Due{census, pops}, err
}

// censusDue is the latest national census, how long ago it was, and whether a newer
// one is due.
func (s *Server) censusDue(r *http.Request) (areas.Due, error) {
	d := areas.Due{TestID: "due-census"}
	census, err := s.db.LatestCensus(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		d.Text, d.Due = "No national census has been imported yet.", true
		return d, nil
	}
	if err != nil {
		return d, err
	}
	today := s.today()
	d.Text = "The latest national census imported is of " + census.Format(dateLong) + ", " + monthsAgo(census, today) + "."
	d.Due = census.Before(planning.CensusNeeded(today.AddDate(0, -censusDueMonths, 0)))
	return d, nil
}

// monthsAgo says how long before today a day was, in whole average months
// (workforce.Months).
func monthsAgo(d, today time.Time) string {
	switch n := int(workforce.Months(d, today)); n {
	case 0:
		return "less than a month ago"
	case 1:
		return "1 month ago"
	default:
		return strconv.Itoa(n) + " months ago"
	}
}

// populationsDue counts the networks whose newest weighted population is older than
// this quarter (NHS England publishes them quarterly), and those with none at all.
func (s *Server) populationsDue(r *http.Request, pcns []string) (areas.Due, error) {
	d := areas.Due{TestID: "due-populations"}
	dates, err := s.db.PopulationDates(r.Context(), pcns)
	if err != nil {
		return d, err
	}
	q := workforce.QuarterOf(s.today())
	old, none := 0, 0
	for _, code := range pcns {
		at, ok := dates[code]
		if !ok {
			none++
		}
		if !ok || at.Before(q.Start()) {
			old++
		}
	}
	quarter := "this quarter (" + q.String() + ", from " + q.Start().Format(dateLong) + ")"
	if old == 0 {
		d.Text = "Every network has a weighted population from " + quarter + "."
		return d, nil
	}
	d.Due = true
	d.Text = ui.Count(old) + " of " + ui.Plural(len(pcns), "network", "networks") + " " + ui.Agree(old, "has", "have") + " no weighted population from " + quarter
	if none > 0 {
		d.Text += "; " + ui.Count(none) + " " + ui.Agree(none, "has", "have") + " none at all"
	}
	d.Text += "."
	return d, nil
}
