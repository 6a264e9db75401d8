package workforce

import (
	"fmt"
	"strconv"
	"strings"
)

// PlanVersions are every version of a PCN's plan, newest first. A PCN has at most one
// editable version (draft or returned) at a time.
type PlanVersions []Plan

// Find is one of the versions by id.
func (vs PlanVersions) Find(id int64) (Plan, bool) {
	for _, p := range vs {
		if p.ID == id {
			return p, true
		}
	}
	return Plan{}, false
}

// Number is a version's place among the PCN's versions, 1 for the first; 0 when it is
// not one of them.
func (vs PlanVersions) Number(id int64) int {
	for i, p := range vs {
		if p.ID == id {
			return len(vs) - i
		}
	}
	return 0
}

// NumberOf is a version's number, counting a version the list does not hold yet (a
// draft just started from it) as one past the newest.
func (vs PlanVersions) NumberOf(p Plan) int {
	if n := vs.Number(p.ID); n != 0 {
		return n
	}
	return len(vs) + 1
}

// Newest is the newest version, if any.
func (vs PlanVersions) Newest() (Plan, bool) {
	if len(vs) == 0 {
		return Plan{}, false
	}
	return vs[0], true
}

// Editable is the draft or returned version, if any.
func (vs PlanVersions) Editable() (Plan, bool) {
	for _, p := range vs {
		if p.Status.Editable() {
			return p, true
		}
	}
	return Plan{}, false
}

// Base is the version an edit starts from: the editable version, else the newest
// (copied into a new draft), else none.
func (vs PlanVersions) Base() (Plan, bool) {
	if p, ok := vs.Editable(); ok {
		return p, true
	}
	return vs.Newest()
}

// CopiedComment is the comment of the creation of a draft copied from version id.
func CopiedComment(id int64) string { return fmt.Sprintf("copied from plan %d", id) }

// SupersededComment is the comment of a version taken out of review because version
// id was submitted.
func SupersededComment(id int64) string { return fmt.Sprintf("plan %d was submitted", id) }

// EventComment is a step's comment for the history: the reviewer's words, or the
// version a draft was copied from, or the one submitted in its place, by number.
func (vs PlanVersions) EventComment(e PlanEvent) string {
	if from, ok := strings.CutPrefix(e.Comment, "copied from plan "); ok && e.Action == ActionCreate {
		if p, found := vs.FindText(from); found {
			return "copied from version " + strconv.Itoa(vs.Number(p.ID))
		}
	}
	if from, ok := strings.CutPrefix(e.Comment, "plan "); ok && e.Action == ActionSupersede {
		if p, found := vs.FindText(strings.TrimSuffix(from, " was submitted")); found {
			return "version " + strconv.Itoa(vs.Number(p.ID)) + " was submitted"
		}
	}
	return e.Comment
}

// FindText is a version by its id written out (in a query or a comment).
func (vs PlanVersions) FindText(raw string) (Plan, bool) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return Plan{}, false
	}
	return vs.Find(id)
}
