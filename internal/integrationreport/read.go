package integrationreport

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// records are what the rules read for a set of PCNs: each PCN's people and whether it
// keeps integration records and supervision at all.
type records struct {
	roles  map[string]workforce.Role
	people map[string][]integration.Person // by PCN, in the order of the staff read
	// later are each PCN's people starting after the as-of date (PCN.Later).
	later map[string][]integration.Person
	// nextLink is, by staff id, the first day after today a clinical link starts.
	nextLink map[int64]time.Time
	// recorded: the PCN has saved an integration record (any of its staff's);
	// supervised: it records a supervisor or a link (supervision.Records.Recorded, the
	// supervision page's rule for coverage).
	recorded, supervised map[string]bool
}

// read gathers, for the PCNs given, the role catalogue, their integration records,
// supervisors and links (four queries whatever the number of PCNs), and makes a
// person of each staff record of theirs in an ARRS role in post on the as-of date
// (and, apart, of each starting after it: PCN.Later), with the names of their
// clinical supervisors by the links in force today.
func read(ctx context.Context, db *store.DB, pcns []string, staff []workforce.Staff, asOf, today time.Time) (*records, error) {
	roles, err := db.Roles(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := db.IntegrationRecordsOfPCNs(ctx, pcns)
	if err != nil {
		return nil, err
	}
	sups, err := db.SupervisorsOfPCNs(ctx, pcns)
	if err != nil {
		return nil, err
	}
	links, err := db.SupervisionLinksOfPCNs(ctx, pcns)
	if err != nil {
		return nil, err
	}
	r := &records{roles: make(map[string]workforce.Role, len(roles)), people: map[string][]integration.Person{},
		later: map[string][]integration.Person{}, nextLink: NextClinicalLinks(links, today),
		recorded: map[string]bool{}, supervised: map[string]bool{}}
	for _, role := range roles {
		r.roles[role.Code] = role
	}
	for _, rec := range recs {
		r.recorded[rec.PCNCode] = true
	}
	kept := map[string]supervision.Records{} // by PCN
	for _, s := range sups {
		k := kept[s.PCNCode]
		k.Supervisors = append(k.Supervisors, s)
		kept[s.PCNCode] = k
	}
	for _, l := range links {
		k := kept[l.PCNCode]
		k.Links = append(k.Links, l)
		kept[l.PCNCode] = k
	}
	for pcn, k := range kept {
		r.supervised[pcn] = k.Recorded()
	}
	r.addPeople(pcns, staff, recs, ClinicalSupervisors(sups, links, today), asOf, today)
	return r, nil
}

// addPeople makes a person of each ARRS record of the PCNs in post on the as-of date
// and, apart (later), of each starting after it, up to laterUntil(today), and not
// ended by today.
func (r *records) addPeople(pcns []string, staff []workforce.Staff, recs map[int64]workforce.IntegrationRecord,
	clinical map[int64][]string, asOf, today time.Time) {
	asked := make(map[string]bool, len(pcns))
	for _, p := range pcns {
		asked[p] = true
	}
	until := laterUntil(today)
	for _, s := range staff {
		if !s.IsARRS() || !asked[s.PCNCode] {
			continue
		}
		into := r.people
		if !s.InPost(asOf) {
			if !s.Start.After(asOf) || s.Start.After(until) || !s.End.IsZero() && !s.End.After(today) {
				continue
			}
			into = r.later
		}
		rec, has := recs[s.ID]
		into[s.PCNCode] = append(into[s.PCNCode], integration.Person{Staff: s,
			NeedsSupervision: r.roles[s.RoleCode].NeedsSupervision, Record: rec, HasRecord: has,
			ClinicalSupervisors: clinical[s.ID]})
	}
}

// NextClinicalLinks is, by staff id, the first day after today that a clinical
// supervision link of theirs starts (links of one PCN or several): a link recorded
// ahead of a start, which the page names while no link is in force today.
func NextClinicalLinks(links []workforce.SupervisionLink, today time.Time) map[int64]time.Time {
	out := map[int64]time.Time{}
	for _, l := range links {
		if l.Kind != workforce.SupervisionClinical || !l.Start.After(today) {
			continue
		}
		if d, ok := out[l.SuperviseeID]; !ok || l.Start.Before(d) {
			out[l.SuperviseeID] = l.Start
		}
	}
	return out
}

// ClinicalSupervisors names, by staff id, the supervisors of each person's clinical
// supervision links in force on day today (sups and links those of the person's PCN,
// or of several PCNs): each supervisor once, by id, in the order of the links. The
// integration page, its file and the record form all name them so.
func ClinicalSupervisors(sups []workforce.Supervisor, links []workforce.SupervisionLink, today time.Time) map[int64][]string {
	names := make(map[int64]string, len(sups))
	for _, s := range sups {
		names[s.ID] = s.Name
	}
	out := map[int64][]string{}
	seen := map[[2]int64]bool{}
	for _, l := range links {
		key := [2]int64{l.SuperviseeID, l.SupervisorID}
		if l.Kind != workforce.SupervisionClinical || !l.Active(today) || seen[key] {
			continue
		}
		seen[key] = true
		out[l.SuperviseeID] = append(out[l.SuperviseeID], names[l.SupervisorID])
	}
	return out
}

// count is a PCN's counts on day today.
func (r *records) count(pcn string, today time.Time) integration.Counts {
	return integration.CountPCN(r.people[pcn], r.recorded[pcn], r.supervised[pcn], today)
}

// roleName is a role's name in the catalogue, else its code.
func (r *records) roleName(code string) string {
	if role, ok := r.roles[code]; ok && role.Name != "" {
		return role.Name
	}
	return code
}
