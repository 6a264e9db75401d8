package planning

// Verdict is whether a part of a network's outlook is on track (issue 13, the clinical
// director's one line): package dashboard decides it, web/dashboard words it, and both
// share this one type.
type Verdict int

// A part is NotKnown when the data cannot say (no census, no target, no rate, or a
// spend that leaves records out and does not already pass the entitlement): never
// "on track" by default, which is why it is the zero value.
const (
	NotKnown Verdict = iota
	OnTrack
	OffTrack
)
