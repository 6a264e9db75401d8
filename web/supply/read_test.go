package supply

import (
	"errors"
	"net/url"
	"strconv"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

var testRoles = []workforce.Role{{Code: "pharmacist", Name: "Clinical Pharmacist"}, {Code: "paramedic", Name: "Paramedic"}}

var errGarbled = errors.New("garbled version")

func version(raw string) (int, error) {
	n, err := strconv.Atoi(raw)
	if err != nil {
		return 0, errGarbled
	}
	return n, nil
}

func TestReadBlankIsZero(t *testing.T) {
	var f Form
	v := url.Values{"pharmacist-version": {"3"}, "pharmacist-newly_qualified": {" 2.5 "}, "pharmacist-movers": {"1.0000004"}}
	rows, err := f.Read(v, "QWE", "2026/27", testRoles, version)
	if err != nil || len(f.Errors) != 0 || len(rows) != 2 {
		t.Fatalf("%v, errors %v, rows %+v", err, f.Errors, rows)
	}
	want := workforce.ExpectedSupply{ICBCode: "QWE", RoleCode: "pharmacist", FinancialYear: "2026/27", Version: 3, NewlyQualified: 2.5, Movers: 1}
	if rows[0] != want || !rows[1].IsZero() || rows[1].Version != 0 {
		t.Errorf("rows %+v, want %+v first", rows, want)
	}
	if f.Rows[0].NewlyQualified != "2.5" || f.Rows[1].Role != "Paramedic" {
		t.Errorf("the form does not keep what was typed: %+v", f.Rows)
	}
}

func TestReadRefusals(t *testing.T) {
	var f Form
	if _, err := f.Read(url.Values{"paramedic-version": {"x"}}, "QWE", "2026/27", testRoles, version); !errors.Is(err, errGarbled) {
		t.Errorf("a garbled version read: %v", err)
	}
	f = Form{}
	if _, err := f.Read(url.Values{"paramedic-movers": {"some"}}, "QWE", "2026/27", testRoles, version); err != nil || f.Errors["paramedic-movers"] != "Enter a number of FTE, like 2.5" {
		t.Errorf("%v, errors %v", err, f.Errors)
	}
}

func TestSavedMeanwhile(t *testing.T) {
	stored := map[string]workforce.ExpectedSupply{"paramedic": {RoleCode: "paramedic", Version: 2, Movers: 1.5}}
	f := Form{Rows: []FormRow{{RoleCode: "pharmacist", Version: 1, Movers: "3"}, {RoleCode: "paramedic", Movers: "4"}}}
	f = f.SavedMeanwhile(testRoles, stored)
	if len(f.Saved) != 1 || f.Saved[0].Movers != "1.5" || f.Rows[0].Version != 0 || f.Rows[1].Version != 2 || f.Rows[1].Movers != "4" {
		t.Errorf("%+v", f)
	}
}
