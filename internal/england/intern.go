package england

import "github.com/arrs-planner/arrs/internal/workforce"

// The kept inputs hold some 120,000 staff records and 350,000 plan lines at 60
// censuses, each string read into its own allocation although a few hundred values
// repeat (PCN codes, roles, bands, streams): one copy of each halves what the strings
// take. Only the strings' backing is shared; every value stays as read.

// interner gives one copy of each string it has seen, for one read.
type interner map[string]string

func (in interner) of(s string) string {
	if s == "" {
		return ""
	}
	if t, ok := in[s]; ok {
		return t
	}
	in[s] = s
	return s
}

// internStaff shares the repeated strings of staff (not UniqueIdentifier: one a record).
func internStaff(staff []workforce.Staff) {
	in := interner{}
	for i := range staff {
		s := &staff[i]
		s.PCNCode, s.RoleCode, s.StaffGroup = in.of(s.PCNCode), in.of(s.RoleCode), in.of(s.StaffGroup)
		s.StaffRole, s.DetailedRole, s.Source = in.of(s.StaffRole), in.of(s.DetailedRole), in.of(s.Source)
		s.Band, s.PracticeCode = in.of(s.Band), in.of(s.PracticeCode)
		s.Stream = workforce.Stream(in.of(string(s.Stream)))
	}
}

// internLines shares the repeated strings of plan lines.
func internLines(lines []workforce.PlanLine) {
	in := interner{}
	for i := range lines {
		l := &lines[i]
		l.PCNCode, l.RoleCode = in.of(l.PCNCode), in.of(l.RoleCode)
		l.Stream = workforce.Stream(in.of(string(l.Stream)))
	}
}

// internFTE shares the repeated strings of FTE rows.
func internFTE(rows []workforce.RoleFTE) {
	in := interner{}
	for i := range rows {
		r := &rows[i]
		r.PCNCode, r.RoleCode, r.StaffRole = in.of(r.PCNCode), in.of(r.RoleCode), in.of(r.StaffRole)
	}
}
