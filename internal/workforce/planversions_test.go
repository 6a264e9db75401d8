package workforce

import "testing"

func TestPlanVersions(t *testing.T) {
	t.Parallel()
	vs := PlanVersions{{ID: 9, Status: PlanDraft}, {ID: 7, Status: PlanAccepted}, {ID: 4, Status: PlanSuperseded}}
	if vs.Number(9) != 3 || vs.Number(4) != 1 || vs.Number(5) != 0 || vs.NumberOf(Plan{ID: 12}) != 4 {
		t.Error("numbers")
	}
	if p, ok := vs.Base(); !ok || p.ID != 9 {
		t.Errorf("base with a draft: %v", p)
	}
	if p, ok := vs[1:].Base(); !ok || p.ID != 7 {
		t.Errorf("base without: %v", p)
	}
	if _, ok := (PlanVersions{}).Base(); ok {
		t.Error("base of none")
	}
	if _, ok := vs.FindText("7x"); ok {
		t.Error("FindText")
	}
	for _, c := range []struct {
		e    PlanEvent
		want string
	}{
		{PlanEvent{Action: ActionCreate, Comment: CopiedComment(7)}, "copied from version 2"},
		{PlanEvent{Action: ActionSupersede, Comment: SupersededComment(9)}, "version 3 was submitted"},
		{PlanEvent{Action: ActionCreate, Comment: CopiedComment(5)}, "copied from plan 5"},
		{PlanEvent{Action: ActionReturn, Comment: "plan 7 was submitted"}, "plan 7 was submitted"},
	} {
		if got := vs.EventComment(c.e); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
}
