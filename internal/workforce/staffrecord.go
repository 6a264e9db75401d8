package workforce

import (
	"fmt"
	"slices"
	"time"
)

// EmploymentModel is how a PCN engages a member of staff (DOMAIN.md, "Employment
// models"). "" is not recorded.
type EmploymentModel string

// The employment models of DOMAIN.md, as the staff table stores them.
const (
	HostPractice          EmploymentModel = "host_practice"
	JointEmployment       EmploymentModel = "joint_employment"
	SubcontractFederation EmploymentModel = "subcontract_federation"
	SubcontractTrust      EmploymentModel = "subcontract_trust"
	SubcontractVoluntary  EmploymentModel = "subcontract_voluntary"
	PCNCompany            EmploymentModel = "pcn_company"
)

// EmploymentModels lists the models in the order forms offer them.
var EmploymentModels = []EmploymentModel{HostPractice, JointEmployment, SubcontractFederation, SubcontractTrust, SubcontractVoluntary, PCNCompany}

// Label is the model's name for people.
func (m EmploymentModel) Label() string {
	switch m {
	case HostPractice:
		return "Employed by the host (lead) practice"
	case JointEmployment:
		return "Jointly employed by member practices"
	case SubcontractFederation:
		return "Subcontracted from a GP federation"
	case SubcontractTrust:
		return "Subcontracted from a community or mental health trust"
	case SubcontractVoluntary:
		return "Subcontracted from a voluntary-sector body"
	case PCNCompany:
		return "Employed by a PCN-owned company"
	}
	return string(m)
}

// Bands are the Agenda for Change bands a staff record may name, in order; NonAfC is
// a post outside Agenda for Change (a salaried GP, say).
var Bands = []string{"2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", NonAfC}

// NonAfC is the band of a post outside Agenda for Change.
const NonAfC = "non_afc"

// BandLabel is a band's name for people.
func BandLabel(b string) string {
	switch b {
	case "":
		return ""
	case NonAfC:
		return "Not on Agenda for Change"
	}
	return "Band " + b
}

// Limits of a staff record entered by hand.
const (
	// HoursPerWTE is a whole-time week: FTE = contracted weekly hours ÷ 37.5.
	HoursPerWTE = 37.5
	// MaxPersonFTE bounds one person's record: contracts with several member practices
	// can add up to more than one WTE, but not past two.
	MaxPersonFTE = 2.0
	// MinAnnualCostPence and MaxAnnualCostPence bound a plausible annual cost of one
	// WTE: below the lowest Agenda for Change salary with on-costs, or above twice the
	// highest ARRS cap (£102,683, consultant nurse), is a slip of the keyboard.
	MinAnnualCostPence Pence = 10_000_00
	MaxAnnualCostPence Pence = 250_000_00
)

// StaffRecord is a staff record with what a PCN keeps of it beyond NWRS's columns.
type StaffRecord struct {
	Staff
	EmploymentModel EmploymentModel
	Employer        string
	Version         int
	// UpdatedAt and UpdatedBy are who saved this version, when; UpdatedBy is "" for
	// a version an import made, and UpdatedAt the creation time of an unchanged one.
	UpdatedAt time.Time
	UpdatedBy string
	// Census is the census date of the NWRS import that started the record; zero for
	// a record entered by hand.
	Census time.Time
}

// FromNWRS reports whether the record came from an NWRS import (its role and
// identifier are NWRS's, and the next import matches on them).
func (r StaffRecord) FromNWRS() bool { return r.Source != SourceManual }

// StartsFromCensus reports whether the record's start date is only the census that
// first carried it: NWRS gives no start dates, so an import starts a record on its
// census date, and the pages say "in the census since" rather than claim a start.
func (r StaffRecord) StartsFromCensus() bool {
	return r.FromNWRS() && !r.Census.IsZero() && r.Start.Equal(r.Census)
}

// FirstStaffStart is the earliest start date a record may have: 1 July 2019, when
// PCNs and the ARRS began, so no one can have started in a PCN before it.
var FirstStaffStart = Date(2019, time.July, 1)

// StartRange is the start dates a record may take on day today: from FirstStaffStart
// to two years after today. A recruit is entered at most a couple of years ahead (the
// recruitment plan, not the staff records, holds what is further off), so a later
// date is almost always a slip of the year (2062 for 2026) and would otherwise sit
// unseen in every future figure.
func StartRange(today time.Time) (from, to time.Time) {
	return FirstStaffStart, today.AddDate(2, 0, 0)
}

// RoleAvailable reports whether a role could be claimed on day d: on or after the date
// the scheme added it.
func RoleAvailable(role Role, d time.Time) bool { return !role.Added.After(d) }

// Validate checks a record's invariants on day today (the start date's range,
// StartRange). role is the record's ARRS role, nil outside ARRS; funding is what the
// record's PCN lets its funding name (StaffFunding.Check). Checks that need the start
// date are skipped while it is zero (not yet given) or out of range, and those that
// need a role while none is given, so that each message applies.
func (r StaffRecord) Validate(role *Role, funding StaffFunding, today time.Time) Problems {
	var out []Problem
	if r.RoleCode == "" && r.StaffRole == "" {
		out = append(out, Problem{"role", "Select the role"})
	}
	if !(r.FTE > 0) || r.FTE > MaxPersonFTE {
		out = append(out, Problem{"fte", "FTE must be more than 0 and no more than 2"})
	}
	if r.AnnualCostPence != 0 && (r.AnnualCostPence < MinAnnualCostPence || r.AnnualCostPence > MaxAnnualCostPence) {
		out = append(out, Problem{"cost", "Annual cost must be between £10,000 and £250,000"})
	}
	if r.RoleCode != "" || r.StaffRole != "" {
		out = append(out, funding.Check(r.Staff)...)
	}
	if r.Start.IsZero() {
		return out
	}
	if from, to := StartRange(today); r.Start.Before(from) || r.Start.After(to) {
		return append(out, Problem{"start", "Start date must be on or after " + from.Format("2 January 2006") +
			", when PCNs and the ARRS began, and no later than " + to.Format("2 January 2006") + ", two years from today"})
	}
	if role != nil && !RoleAvailable(*role, r.Start) {
		out = append(out, Problem{"role", fmt.Sprintf("%s could only be claimed from %s: choose another role, or a start date on or after that",
			role.Name, role.Added.Format("2 January 2006"))})
	}
	if !r.End.IsZero() && !r.End.After(r.Start) {
		out = append(out, Problem{"end", "End date must be after the start date"})
	}
	return out
}

// StaffFunding is what a PCN's staff records may name for their funding (PLANNING.md,
// "Funding streams"): the codes of its member practices, one of which claims for a GP
// paid through the practice GP scheme, and the roles a commissioner approved for it.
type StaffFunding struct {
	Practices []string
	Approved  []ApprovedRole
}

// Check checks a record's stream, practice and approved role: the stream must be
// allowed for the role (StreamAllowed); a practice-scheme GP names one of the member
// practices, and no other record names one; an approved role is one of the PCN's,
// for a post outside the ARRS list, claimed from the ARRS. A stream not recorded ("",
// as the role says) is not checked.
func (f StaffFunding) Check(s Staff) Problems {
	var out Problems
	switch {
	case s.Stream == "" || StreamAllowed(s.Stream, s.RoleCode, s.ApprovedRole):
	case s.Stream == StreamARRS:
		out = append(out, Problem{"funding_stream", "Only a post in an ARRS role or in one of the PCN's approved additional roles can be claimed from the ARRS: select the approved role, or select other money"})
	case s.Stream == StreamPracticeGP:
		out = append(out, Problem{"funding_stream", "Only a GP can be paid through the practice GP scheme: select ARRS or other money, or choose the GP role"})
	default:
		out = append(out, Problem{"funding_stream", "Select how the post is paid for"})
	}
	out = append(out, f.checkPractice(s)...)
	return append(out, f.checkApproved(s)...)
}

func (f StaffFunding) checkPractice(s Staff) Problems {
	switch {
	case s.Stream != StreamPracticeGP && s.PracticeCode != "":
		return Problems{{"practice_code", "Only a GP paid through the practice GP scheme names the practice that claims"}}
	case s.Stream != StreamPracticeGP || s.RoleCode != PracticeGPRole:
		return nil
	case s.PracticeCode == "":
		return Problems{{"practice_code", "Select the member practice that claims for this GP"}}
	case !slices.Contains(f.Practices, s.PracticeCode):
		return Problems{{"practice_code", "Select one of the PCN's member practices"}}
	}
	return nil
}

func (f StaffFunding) checkApproved(s Staff) Problems {
	switch {
	case s.ApprovedRole == 0:
		return nil
	case s.RoleCode != "":
		return Problems{{"approved_role_id", "An approved additional role is for other PCN staff only: select no approved role, or choose Other PCN staff"}}
	case !slices.ContainsFunc(f.Approved, func(a ApprovedRole) bool { return a.ID == s.ApprovedRole }):
		return Problems{{"approved_role_id", "Select one of the PCN's approved additional roles"}}
	case s.Stream != "" && s.Stream != StreamARRS:
		return Problems{{"approved_role_id", "A post in an approved additional role is claimed from the ARRS: select ARRS, or select no approved role"}}
	}
	return nil
}
