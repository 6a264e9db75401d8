package workforce

import (
	"slices"
	"testing"
	"time"
)

func problemFields(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Field
	}
	return out
}

func TestSupervisorValidate(t *testing.T) {
	t.Parallel()
	ok := Supervisor{Name: "Dr A", Profession: "GP", FTE: 0.8, HoursPerMonth: 10}
	cases := []struct {
		name string
		edit func(*Supervisor)
		want []string
	}{
		{"valid", func(*Supervisor) {}, nil},
		{"no name", func(s *Supervisor) { s.Name = " " }, []string{"name"}},
		{"no profession", func(s *Supervisor) { s.Profession = "" }, []string{"profession"}},
		{"zero FTE", func(s *Supervisor) { s.FTE = 0 }, []string{"fte"}},
		{"FTE over 2", func(s *Supervisor) { s.FTE = 2.1 }, []string{"fte"}},
		{"negative hours", func(s *Supervisor) { s.HoursPerMonth = -1 }, []string{"hours"}},
		// 0.8 × 162.5 = 130 hours a month is all their time; 130.5 is more.
		{"all their time", func(s *Supervisor) { s.HoursPerMonth = 130 }, nil},
		{"more than their time", func(s *Supervisor) { s.HoursPerMonth = 130.5 }, []string{"hours"}},
	}
	for _, c := range cases {
		s := ok
		c.edit(&s)
		if got := problemFields(s.Validate()); !slices.Equal(got, c.want) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSupervisionLinkValidate(t *testing.T) {
	t.Parallel()
	start := Date(2026, time.April, 1)
	ok := SupervisionLink{SuperviseeID: 1, SupervisorID: 2, Kind: SupervisionClinical, HoursPerMonth: 2, Start: start}
	cases := []struct {
		name string
		edit func(*SupervisionLink)
		want []string
	}{
		{"valid", func(*SupervisionLink) {}, nil},
		{"no supervisee", func(l *SupervisionLink) { l.SuperviseeID = 0 }, []string{"supervisee"}},
		{"no supervisor", func(l *SupervisionLink) { l.SupervisorID = 0 }, []string{"supervisor"}},
		{"unknown kind", func(l *SupervisionLink) { l.Kind = "mentoring" }, []string{"kind"}},
		{"hours over 80", func(l *SupervisionLink) { l.HoursPerMonth = 80.5 }, []string{"hours"}},
		{"no start", func(l *SupervisionLink) { l.Start = time.Time{} }, []string{"start"}},
		{"end on the start", func(l *SupervisionLink) { l.End = start }, []string{"end"}},
		{"end after the start", func(l *SupervisionLink) { l.End = start.AddDate(0, 0, 1) }, nil},
	}
	for _, c := range cases {
		l := ok
		c.edit(&l)
		if got := problemFields(l.Validate()); !slices.Equal(got, c.want) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
	if !ok.Active(start) || ok.Active(start.AddDate(0, 0, -1)) {
		t.Error("a link is active from its start")
	}
	if ended := (SupervisionLink{Start: start, End: start.AddDate(0, 1, 0)}); ended.Active(ended.End) {
		t.Error("a link is not active on its end date")
	}
}

func TestSiteAndSupplyValidate(t *testing.T) {
	t.Parallel()
	if got := problemFields(Site{Name: "Main", SessionsPerWeek: 300}.Validate()); len(got) != 0 {
		t.Errorf("300 sessions: %v", got)
	}
	if got := problemFields(Site{Name: "", SessionsPerWeek: 300.5}.Validate()); !slices.Equal(got, []string{"name", "sessions"}) {
		t.Errorf("no name, 300.5 sessions: %v", got)
	}
	if got := problemFields(ExpectedSupply{NewlyQualified: -1, TraineesCompleting: 1000, Movers: 1000.5}.Validate()); !slices.Equal(got, []string{"newly_qualified", "movers"}) {
		t.Errorf("supply -1, 1000, 1000.5: %v", got)
	}
	if s := (ExpectedSupply{NewlyQualified: 1, TraineesCompleting: 2, Movers: 0.5}); s.Total() != 3.5 || s.IsZero() {
		t.Errorf("total of %+v = %v", s, s.Total())
	}
}
