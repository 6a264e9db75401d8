package workforce

import (
	"testing"
	"time"
)

func TestARRSRoleFor(t *testing.T) {
	t.Parallel()
	mapping := map[string]string{"Pharmacists": "clinical_pharmacist", "Therapists": "occupational_therapist"}
	cases := map[string]string{
		"Pharmacists": "clinical_pharmacist",
		"Therapists":  "occupational_therapist",
		"Therapists (Mental Health Practitioners)":     "mental_health_practitioner",
		"Social Workers (Mental Health Practitioners)": "mental_health_practitioner",
		"Receptionists": "",
		"":              "",
	}
	for in, want := range cases {
		if got := ARRSRoleFor(in, mapping); got != want {
			t.Errorf("ARRSRoleFor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInPost(t *testing.T) {
	t.Parallel()
	s := Staff{Start: Date(2025, 1, 1), End: Date(2025, 6, 1)}
	for _, c := range []struct {
		d    time.Time
		want bool
	}{
		{Date(2024, 12, 31), false},
		{Date(2025, 1, 1), true},
		{Date(2025, 5, 31), true},
		{Date(2025, 6, 1), false}, // the end date itself is the first day out of post
	} {
		if got := s.InPost(c.d); got != c.want {
			t.Errorf("InPost(%s) = %v, want %v", c.d.Format(DateLayout), got, c.want)
		}
	}
	if !(Staff{Start: Date(2025, 1, 1)}).InPost(Date(2030, 1, 1)) {
		t.Error("an open record stays in post")
	}
}

func TestCensusDate(t *testing.T) {
	t.Parallel()
	if got := CensusDate(2025, 11); !got.Equal(Date(2025, 11, 30)) {
		t.Errorf("got %s", got)
	}
	if got := CensusDate(2024, 2); !got.Equal(Date(2024, 2, 29)) {
		t.Errorf("leap year: got %s", got)
	}
	if got := CensusDate(2025, 12); !got.Equal(Date(2025, 12, 31)) {
		t.Errorf("December: got %s", got)
	}
}
