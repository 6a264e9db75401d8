// Package dashboard answers one question: how does a PCN stand today, on one page, for
// its clinical director (docs/dashboards.md, "The dashboard")? Its ARRS staff in post
// against its fair share, projected by quarter with its plan and without (PLANNING.md,
// "Projection", and "Drafts stay private" for the "with your draft" figures); its
// funding this financial year and next ("Funding"); supervision and rooms ("Supervision
// and rooms"); the staff leaving in the next three months; its plan's versions; and the
// integration of its ARRS staff with its pulse's latest closed round (docs/integration.md).
// Each part comes from the same code as the page it summarises: the gap report the plan
// page uses, funding.Compute, package supervision, package rooms and
// integrationreport, so a figure reads the same on the dashboard as on its own page.
//
// The clock is the caller's: today is an argument. One as-of date (issue 11): the
// staff figures of every part (workforce, supervision's staff, rooms' staff) are of the
// as-of date A, the day the staff data describes (the latest census); the rooms are
// checked over the plan's quarters (workforce.PlanWindowAt today). Only what is about
// today is of today: supervision links and supervisors in force, sites as recorded,
// the staff leaving in the next three months, and appraisals and the three-month rule
// of the integration page.
package dashboard

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/rooms"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// LeavingMonths is how far ahead the dashboard lists staff leaving.
const LeavingMonths = 3

// Figures is every part of a PCN's dashboard on one day.
type Figures struct {
	PCN   workforce.PCN
	Today time.Time
	// AsOf is the day the staff data describes (the latest census; today before any
	// import): the day of the staff figures of supervision and rooms.
	AsOf time.Time
	// Versions is every version of the PCN's plan, newest first: where its plan stands.
	Versions    store.PlanVersions
	Workforce   Workforce
	Funding     Funding
	Supervision supervision.Figures
	Rooms       rooms.Figures
	Leaving     Leaving
	// Integration is the warnings of the integration page counted, and the pulse's
	// latest closed round.
	Integration Integration
	// Outlook is the one line: on track this year and next, from Workforce and Funding.
	Outlook Outlook
}

// Funding is the PCN's money this financial year and next, as the funding page works
// it out.
type Funding struct {
	// AsOf is the day planned spend counts from (funding.AsOf); Census is false before
	// any import, when it is today.
	AsOf   time.Time
	Census bool
	Years  []funding.PCNYear
}

// Leaving is the staff records whose end date (the first day out of post) is after
// today and no later than Until, the same day LeavingMonths on.
type Leaving struct {
	Until   time.Time
	Records []workforce.StaffRecord
}

// Compute gathers and works out every part of the dashboard of PCN p on day d (today),
// with report giving the gap report (the server's is cached). The workforce part rests on England's gap report, the rest on the
// PCN's records alone: gathered side by side, a cold page waits for the slower only.
func Compute(ctx context.Context, db *store.DB, report gaps.Source, p workforce.PCN, d time.Time) (*Figures, error) {
	f := &Figures{PCN: p, Today: d}
	var err error
	if f.Versions, err = db.PlanVersionsOfPCN(ctx, p.Code); err != nil {
		return nil, err
	}
	draft, err := planfigures.DraftOf(ctx, db, p.Code)
	if err != nil {
		return nil, err
	}
	workforceErr := make(chan error, 1)
	go func() {
		var err error
		f.Workforce, err = workforceOf(ctx, report, p.Code, d, f.Versions, draft)
		workforceErr <- err
	}()
	if err := f.local(ctx, db, d); err != nil {
		<-workforceErr
		return nil, err
	}
	if err := <-workforceErr; err != nil {
		return nil, err
	}
	f.Outlook = OutlookOf(f.Workforce, f.Funding, d)
	return f, nil
}

// local is the parts from the PCN's own records: funding, supervision, rooms, leavers
// and integration.
func (f *Figures) local(ctx context.Context, db *store.DB, d time.Time) error {
	var err error
	if f.Funding, err = fundingOf(ctx, db, f.PCN, d); err != nil {
		return err
	}
	asOf, _, err := funding.AsOf(ctx, db, d)
	if err != nil {
		return err
	}
	f.AsOf = asOf
	if f.Supervision, err = supervision.OfPCN(ctx, db, f.PCN.Code, asOf, d); err != nil {
		return err
	}
	if f.Rooms, err = rooms.OfPCN(ctx, db, f.PCN.Code, asOf, workforce.PlanWindowAt(d)); err != nil {
		return err
	}
	f.Leaving.Until = d.AddDate(0, LeavingMonths, 0)
	if f.Leaving.Records, err = db.StaffLeaving(ctx, f.PCN.Code, d, f.Leaving.Until); err != nil {
		return err
	}
	f.Integration, err = integrationOf(ctx, db, f.PCN.Code, asOf, d)
	return err
}

// fundingOf is the money of the plan window's financial years (funding.Years), as
// the funding page works it out.
func fundingOf(ctx context.Context, db *store.DB, p workforce.PCN, d time.Time) (Funding, error) {
	res, census, err := funding.ForPCN(ctx, db, d, p, funding.Years(d)...)
	if err != nil {
		return Funding{}, err
	}
	return Funding{AsOf: res.AsOf, Census: census, Years: res.PCN(p.Code)}, nil
}
