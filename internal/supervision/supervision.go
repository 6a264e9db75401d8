package supervision

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Records are what a PCN's supervision is worked out from.
type Records struct {
	Supervisors []workforce.Supervisor
	Links       []workforce.SupervisionLink
	// Staff is every record of the PCN, in post or not.
	Staff []workforce.Staff
}

// Recorded reports whether any supervisor or link of the PCN is recorded. Without one
// coverage is not known, not 0: nothing was entered yet (issue 11), so the pages say
// so instead of "0 of n covered".
func (r Records) Recorded() bool { return len(r.Supervisors) > 0 || len(r.Links) > 0 }

// Figures is a PCN's supervision: the records and what planning works out from them.
type Figures struct {
	Records
	Coverage planning.Coverage
	Loads    []planning.SupervisorLoad
	Totals   planning.SupervisionTotals
}

// OfPCN gathers a PCN's supervisors, links and staff records and works out its
// supervision: the staff in post on the as-of date, the links in force today.
func OfPCN(ctx context.Context, db *store.DB, pcn string, asOf, today time.Time) (Figures, error) {
	roles, err := db.Roles(ctx)
	if err != nil {
		return Figures{}, err
	}
	var rec Records
	if rec.Supervisors, err = db.SupervisorsOfPCN(ctx, pcn); err != nil {
		return Figures{}, err
	}
	if rec.Links, err = db.SupervisionLinksOfPCN(ctx, pcn); err != nil {
		return Figures{}, err
	}
	if rec.Staff, err = db.Supervisees(ctx, pcn); err != nil {
		return Figures{}, err
	}
	return Compute(rec, roles, asOf, today), nil
}

// Compute works out coverage of the staff in post on the as-of date by the links in
// force today, and each supervisor's load and the totals today, from a PCN's records:
// which roles need clinical supervision and which are trainees is the role catalogue's.
// The ICB comparison calls it for each PCN of an ICB, from the ICB's records read at
// once.
func Compute(rec Records, roles []workforce.Role, asOf, today time.Time) Figures {
	needs, trainees := map[string]bool{}, map[string]bool{}
	for _, role := range roles {
		needs[role.Code], trainees[role.Code] = role.NeedsSupervision, role.Trainee
	}
	f := Figures{Records: rec}
	f.Coverage = planning.SupervisionCoverage(staffOf(rec.Staff, asOf), rec.Links, needs, today)
	f.Loads = planning.SupervisorLoads(rec.Supervisors, rec.Staff, rec.Links, trainees, today)
	f.Totals = planning.TotalSupervision(f.Loads)
	return f
}

// staffOf is the records in post on the as-of date, each taken to be in post from its
// start on: coverage asks about the staff the data describes, whose links are checked
// today, and the staff data says nothing of the days after the as-of date.
func staffOf(staff []workforce.Staff, asOf time.Time) []workforce.Staff {
	var out []workforce.Staff
	for _, s := range staff {
		if s.InPost(asOf) {
			s.End = time.Time{}
			out = append(out, s)
		}
	}
	return out
}

// Supervisor is a supervisor with their load on the day.
type Supervisor struct {
	workforce.Supervisor
	Load planning.SupervisorLoad
}

// Supervising reports whether the supervisor still supervises: active, or holding
// links in force though marked inactive since.
func (s Supervisor) Supervising() bool { return s.Active || s.Load.LinkedHours > 0 }

// WithLoads pairs each supervisor with their load on the day, in the store's order.
func (f Figures) WithLoads() []Supervisor {
	loads := make(map[int64]planning.SupervisorLoad, len(f.Loads))
	for _, l := range f.Loads {
		loads[l.SupervisorID] = l
	}
	out := make([]Supervisor, len(f.Supervisors))
	for i, s := range f.Supervisors {
		out[i] = Supervisor{Supervisor: s, Load: loads[s.ID]}
	}
	return out
}

// SupervisorNames indexes the supervisors' names by id, for the links to name theirs.
func (f Figures) SupervisorNames() map[int64]string {
	out := make(map[int64]string, len(f.Supervisors))
	for _, s := range f.Supervisors {
		out[s.ID] = s.Name
	}
	return out
}
