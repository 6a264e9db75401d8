package integration

import (
	"net/url"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestServiceCode(t *testing.T) {
	list := []workforce.IntegrationService{{Code: "care_homes"}, {Code: "care_homes_2"}}
	for name, want := range map[string]string{
		"Frailty & falls": "frailty_falls", "  Care homes ": "care_homes_3", "2-hour response": "hour_response",
		"123": "", "Café visits": "caf_visits", strings.Repeat("a", 60): strings.Repeat("a", 37),
	} {
		if got := ServiceCode(name, list); got != want {
			t.Errorf("ServiceCode(%q) = %q, want %q", name, got, want)
		}
	}
}

// A posted form is read for the stored services only (at most as many rows as are
// stored), by code; a row naming no version, an empty name and a bad position are
// refused by field; a new service gets a free code and the last position.
func TestReadServices(t *testing.T) {
	current := []workforce.IntegrationService{{Code: "a", Name: "A", Position: 1, Active: true, Version: 2},
		{Code: "b", Name: "B", Position: 5, Active: true, Version: 1}}
	v := url.Values{"code-0": {"b"}, "name-0": {"Bee"}, "position-0": {"5"}, "version-0": {"1"}, "active-0": {"yes"},
		"code-1": {"a"}, "name-1": {"A"}, "position-1": {"1"}, "version-1": {"2"},
		"code-2": {"zzz"}, "name-2": {"Injected"}, "position-2": {"1"}, "version-2": {"1"},
		"new-name": {"B plus"}}
	f, out := ReadServices(v, current)
	if len(f.Errors) != 0 || len(out) != 3 {
		t.Fatalf("%v %+v", f.Errors, out)
	}
	if out[0] != (workforce.IntegrationService{Code: "b", Name: "Bee", Position: 5, Active: true, Version: 1}) ||
		out[1] != (workforce.IntegrationService{Code: "a", Name: "A", Position: 1, Active: false, Version: 2}) ||
		out[2] != (workforce.IntegrationService{Code: "b_plus", Name: "B plus", Position: 6, Active: true}) {
		t.Errorf("read %+v", out)
	}
	v.Set("name-0", "")
	v.Set("position-1", "1000")
	v.Del("version-0")
	v.Set("new-name", "bee")
	f, _ = ReadServices(v, current)
	if !strings.Contains(f.Errors["name-0"], "version") && !strings.Contains(f.Errors["name-0"], "Enter the name") ||
		!strings.Contains(f.Errors["position-1"], "0 to 999") {
		t.Errorf("errors %v", f.Errors)
	}
	v.Set("name-0", "Bee")
	v.Set("version-0", "1")
	v.Set("position-1", "1")
	f, _ = ReadServices(v, current)
	if !strings.Contains(f.Errors["new-name"], "already called") {
		t.Errorf("a second service of the same name: %v", f.Errors)
	}
}

// A new service's name must give a code: one with no letter from a to z is refused
// saying so; a name of two lines is refused, new or stored.
func TestReadServicesNames(t *testing.T) {
	current := []workforce.IntegrationService{{Code: "a", Name: "A", Position: 1, Active: true, Version: 2}}
	stored := url.Values{"code-0": {"a"}, "name-0": {"A"}, "position-0": {"1"}, "version-0": {"2"}, "active-0": {"yes"}}
	for name, want := range map[string]string{"Ωμέγα": "at least one letter from a to z", "123": "at least one letter from a to z",
		"Two\nlines": "one line", "Care\r\nhomes": "one line"} {
		v := url.Values{}
		for k, x := range stored {
			v[k] = x
		}
		v.Set("new-name", name)
		if f, _ := ReadServices(v, current); !strings.Contains(f.Errors["new-name"], want) {
			t.Errorf("new service %q: errors %v, want %q", name, f.Errors, want)
		}
	}
	v := url.Values{"code-0": {"a"}, "name-0": {"A\nB"}, "position-0": {"1"}, "version-0": {"2"}}
	if f, _ := ReadServices(v, current); !strings.Contains(f.Errors["name-0"], "one line") {
		t.Errorf("a stored service renamed over two lines: %v", f.Errors)
	}
	v.Set("name-0", "Ωμέγα")
	if f, out := ReadServices(v, current); len(f.Errors) != 0 || out[0].Name != "Ωμέγα" {
		t.Errorf("renaming a stored service in Greek (its code stays): %v %+v", f.Errors, out)
	}
}
