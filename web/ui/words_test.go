package ui

import "testing"

func TestPlural(t *testing.T) {
	cases := map[string]string{
		Plural(0, "plan line", "plan lines"):                 "0 plan lines",
		Plural(1, "plan line", "plan lines"):                 "1 plan line",
		Plural(2, "plan line", "plan lines"):                 "2 plan lines",
		Plural(1297, "PCN", "PCNs"):                          "1,297 PCNs",
		Plural(26000, "additional role", "additional roles"): "26,000 additional roles",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestPatients(t *testing.T) {
	for _, c := range []struct {
		listSize, pcns int
		want           string
	}{
		{0, 12, "weighted patients"},
		{12, 12, "registered patients"},
		{3, 12, "patients"},
		{0, 0, "weighted patients"},
	} {
		if got := Patients(c.listSize, c.pcns); got != c.want {
			t.Errorf("Patients(%d, %d) = %q, want %q", c.listSize, c.pcns, got, c.want)
		}
	}
}
