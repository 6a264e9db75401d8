package workforce

import "time"

// Practice is a GP practice: the unit PCNs are made of. Its list size, age structure
// and deprivation are published per practice, and the practice-level GP scheme is paid
// to it.
type Practice struct {
	Code     string // ODS code, e.g. A81001
	Name     string
	Postcode string
}

// PracticeMembership is a practice's place on and after a day: the PCN it belongs to
// ("" for none: 74 practices in November 2025) and the sub-ICB location and ICB it sits
// in, which may differ from its PCN's (23 PCNs had practices in two ICBs).
type PracticeMembership struct {
	PracticeCode string
	PCNCode      string // "" when the practice is in no PCN
	SubICBCode   string
	ICBCode      string
	From         time.Time // first day in force
}

// Age bands of NHS England's 5-year practice list file, in order; AllAges is the total.
const AllAges = "ALL"

// Sexes of the published practice lists; AllSexes is the total.
const (
	SexMale   = "MALE"
	SexFemale = "FEMALE"
	AllSexes  = "ALL"
)

// PracticePatients is the patients registered at a practice on an extract date, in one
// sex and age band (AllSexes/AllAges for the total).
type PracticePatients struct {
	PracticeCode string
	Extract      time.Time // the publication's extract date (e.g. 1 November 2025)
	Sex          string
	AgeBand      string // "0_4" … "95+", or AllAges
	Patients     int
}

// Deprivation is a practice's deprivation score (higher is more deprived) for a year,
// with the source it was published by.
type Deprivation struct {
	PracticeCode string
	Year         int
	Score        float64
	Source       string
}

// PracticeFiles is what one NHS England "Patients Registered at a GP Practice" file
// (or a Fingertips deprivation file) holds: each read fills the parts its file has.
type PracticeFiles struct {
	Extract     time.Time // the extract date of the publication ("zero" for deprivation)
	Practices   []Practice
	Memberships []PracticeMembership // from the mapping file, From = Extract
	// Paths are the PCN → sub-ICB → ICB → region of the mapping file, one per (PCN,
	// sub-ICB, ICB) it states: a PCN whose practices sit in two sub-ICBs has two.
	Paths       []OrgPath
	Patients    []PracticePatients
	Deprivation []Deprivation
}
