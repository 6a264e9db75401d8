package datacache

// Versions is one reading of the database's counters (store.VersionSums and
// store.OrgVersions): data_version, which national changes move, each PCN's and each
// ICB's own version, and their sums. A code missing from a map has version 0. The
// maps are never changed once a Versions is published, so readers need no lock.
type Versions struct {
	National, PCNSum, ICBSum int64
	PCN, ICB                 map[string]int64
}

// Dep says what a cached value depends on besides national data: all of England, or
// the PCNs and ICBs named (an ICB's own data is its payment lag and expected supply; a
// PCN's ICB is not implied). The zero Dep is national data only.
type Dep struct {
	England    bool
	PCNs, ICBs []string
}

// Of is the version of what d depends on: National plus PCNSum and ICBSum for England,
// else plus the named PCNs' and ICBs' versions. Every counter only grows, so the sum
// changes exactly when a dependency did, and a larger sum is a later state.
func (v *Versions) Of(d Dep) int64 {
	n := v.National
	if d.England {
		return n + v.PCNSum + v.ICBSum
	}
	for _, p := range d.PCNs {
		n += v.PCN[p]
	}
	for _, c := range d.ICBs {
		n += v.ICB[c]
	}
	return n
}
