package supervision

import (
	"slices"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestStatusOn(t *testing.T) {
	t.Parallel()
	day := workforce.Date(2026, 11, 23)
	for _, c := range []struct {
		start, end time.Time
		want       LinkStatus
	}{
		{workforce.Date(2025, 1, 1), time.Time{}, LinkActive},
		{workforce.Date(2026, 11, 23), time.Time{}, LinkActive},
		{workforce.Date(2026, 11, 24), time.Time{}, LinkFuture},
		{workforce.Date(2025, 1, 1), workforce.Date(2026, 1, 1), LinkEnded},
		{workforce.Date(2025, 1, 1), workforce.Date(2026, 11, 23), LinkEnded},
	} {
		if got := StatusOn(workforce.SupervisionLink{Start: c.start, End: c.end}, day); got != c.want {
			t.Errorf("%s to %s: %v, want %v", c.start.Format(workforce.DateLayout), c.end.Format(workforce.DateLayout), got, c.want)
		}
	}
}

// A staff record is named by role, FTE and dates, its identifier last; the picker
// lists records by role, then start date.
func TestPersonNamesAndPickerOrder(t *testing.T) {
	t.Parallel()
	roles := []workforce.Role{{Code: "clinical_pharmacist", Name: "Clinical pharmacist"}, {Code: "paramedic", Name: "Paramedic"}}
	staff := []workforce.Staff{
		{ID: 1, RoleCode: "paramedic", UniqueIdentifier: "900", FTE: 1, Start: workforce.Date(2024, 4, 1)},
		{ID: 2, RoleCode: "clinical_pharmacist", UniqueIdentifier: "12345", FTE: 0.8, Start: workforce.Date(2025, 12, 1)},
		{ID: 3, RoleCode: "clinical_pharmacist", FTE: 0.533333, Start: workforce.Date(2023, 1, 9), End: workforce.Date(2026, 6, 1)},
		{ID: 4, StaffRole: "Admin/Non-Clinical", DetailedRole: "Receptionist", UniqueIdentifier: "77", FTE: 0.5, Start: workforce.Date(2020, 1, 1)},
	}
	names := PersonNames(staff, roles)
	for id, want := range map[int64]string{
		1: "Paramedic, 1 FTE, from 1 Apr 2024 (NWRS 900)",
		2: "Clinical pharmacist, 0.8 FTE, from 1 Dec 2025 (NWRS 12345)",
		3: "Clinical pharmacist, 0.53 FTE, from 9 Jan 2023 to 1 Jun 2026 (record 3)",
		4: "Receptionist, 0.5 FTE, from 1 Jan 2020 (NWRS 77)",
	} {
		if names[id] != want {
			t.Errorf("record %d: %q, want %q", id, names[id], want)
		}
	}
	SortForPicker(staff, roles)
	var order []int64
	for _, s := range staff {
		order = append(order, s.ID)
	}
	if want := []int64{3, 2, 1, 4}; !slices.Equal(order, want) {
		t.Errorf("picker order %v, want %v (by role name, then start)", order, want)
	}
}
