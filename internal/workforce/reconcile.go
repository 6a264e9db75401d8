package workforce

import "math"

// SnapshotKey identifies an NWRS record across snapshots (PLANNING.md): staff rows by
// (PCN, UNIQUE_IDENTIFIER, STAFF_ROLE, DETAILED_STAFF_ROLE), contracted-services rows,
// which carry no identifier, by (PCN, data source, STAFF_ROLE, DETAILED_STAFF_ROLE).
// Including the source in both keeps the two kinds apart.
type SnapshotKey struct {
	PCN, Source, Identifier, StaffRole, DetailedRole string
}

// KeyOf returns a record's snapshot key.
func KeyOf(s Staff) SnapshotKey {
	return SnapshotKey{s.PCNCode, s.Source, s.UniqueIdentifier, s.StaffRole, s.DetailedRole}
}

// Reconciliation is what a snapshot does to the open NWRS records.
type Reconciliation struct {
	Ended     []int64 // IDs of open records to end on the census date
	Starters  []Staff // snapshot records to start on the census date
	Unchanged int
}

// Reconcile compares the open NWRS records with a snapshot (one record per key): an
// open record whose key is in the snapshot with the same FTE stays; any other open
// record ends; a snapshot record with no matching open record starts. A change of FTE
// therefore ends the old record and starts a new one, so history is kept.
func Reconcile(open, snapshot []Staff) Reconciliation {
	if len(open) == 0 {
		return ReconcileIndexed(nil, snapshot, nil)
	}
	byKey := make(map[SnapshotKey]int, len(snapshot))
	for i := range snapshot {
		byKey[keyOf(&snapshot[i])] = i
	}
	return ReconcileIndexed(open, snapshot, byKey)
}

// ReconcileIndexed is Reconcile given the snapshot's index, byKey[KeyOf(snapshot[i])]
// = i, which the file's reader builds as it sums rows by key: an import does not
// build it twice (issue 17). byKey may be nil when there is no open record.
func ReconcileIndexed(open, snapshot []Staff, byKey map[SnapshotKey]int) Reconciliation {
	if len(open) == 0 { // a first import: everything starts
		return Reconciliation{Starters: snapshot}
	}
	matched := make([]bool, len(snapshot))
	var r Reconciliation
	for j := range open {
		o := &open[j]
		i, ok := byKey[keyOf(o)]
		if ok && !matched[i] && sameFTE(o.FTE, snapshot[i].FTE) {
			matched[i] = true
			r.Unchanged++
			continue
		}
		r.Ended = append(r.Ended, o.ID)
	}
	for i := range snapshot {
		if !matched[i] {
			r.Starters = append(r.Starters, snapshot[i])
		}
	}
	return r
}

// keyOf is KeyOf without copying the record.
func keyOf(s *Staff) SnapshotKey {
	return SnapshotKey{s.PCNCode, s.Source, s.UniqueIdentifier, s.StaffRole, s.DetailedRole}
}

// sameFTE compares FTE at the 6 decimal places that are stored.
func sameFTE(a, b float64) bool { return math.Round(a*1e6) == math.Round(b*1e6) }
