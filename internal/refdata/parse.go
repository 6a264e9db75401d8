package refdata

import (
	"math"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func parseICB(ref *Reference, r record) error {
	icb := workforce.ICB{Code: r.str("icb_code"), ONSCode: r.str("icb_ons_code"), Name: r.str("icb_name"), RegionCode: r.str("region_code")}
	region := workforce.Region{Code: icb.RegionCode, ONSCode: r.str("region_ons_code"), Name: r.str("region_name")}
	if !hasRegion(ref.Regions, region.Code) {
		ref.Regions = append(ref.Regions, region)
	}
	ref.ICBs = append(ref.ICBs, icb)
	return r.err
}

func hasRegion(rs []workforce.Region, code string) bool {
	for _, r := range rs {
		if r.Code == code {
			return true
		}
	}
	return false
}

func parseSubICB(ref *Reference, r record) error {
	ref.SubICBs = append(ref.SubICBs, workforce.SubICB{
		Code: r.str("sub_icb_code"), ONSCode: r.str("sub_icb_ons_code"), Name: r.str("sub_icb_name"), ICBCode: r.str("icb_code"),
	})
	return r.err
}

func parsePCN(ref *Reference, r record) error {
	ref.PCNs = append(ref.PCNs, workforce.PCN{
		Code: r.str("pcn_code"), Name: r.str("pcn_name"), SubICBCode: r.str("sub_icb_code"), ICBCode: r.str("icb_code"),
		MemberPractices: r.int("member_practices_nov2025"), RegisteredPatients: r.int("registered_patients_nov2025"),
		ListSizeDate: listSizeDate,
	})
	return r.err
}

func parseRole(ref *Reference, r record) error {
	ref.Roles = append(ref.Roles, workforce.Role{
		Code: r.str("code"), Name: r.str("name"), Added: r.date("added"), Band: r.str("band"),
		NeedsSupervision: r.bool("needs_supervision"), Trainee: r.bool("trainee"),
		RoomSessionsPerWTE: r.float("room_sessions_per_wte"), AttritionRate: r.float("attrition_rate"),
		NumberLimit: r.str("number_limit"), Summary: r.str("summary"),
		EntryRequirements: r.str("entry_requirements"), Supervision: r.str("supervision"),
		SortOrder: len(ref.Roles) + 1,
	})
	return r.err
}

func parseRoleMap(ref *Reference, r record) error {
	ref.NWRSRoleMap[r.str("staff_role")] = r.str("role_code")
	return r.err
}

func parseCap(ref *Reference, r record) error {
	ref.Caps = append(ref.Caps, workforce.Cap{
		RoleCode: r.str("role_code"), Variant: r.str("variant"), EffectiveFrom: r.date("effective_from"),
		Pence: workforce.Pence(math.Round(r.float("cap_gbp") * 100)), Provisional: true,
	})
	return r.err
}

func parseBandCap(ref *Reference, r record) error {
	ref.BandCaps = append(ref.BandCaps, workforce.BandCap{
		Band: r.str("band"), EffectiveFrom: r.date("effective_from"),
		Pence: workforce.Pence(math.Round(r.float("cap_gbp") * 100)), Provisional: true,
	})
	return r.err
}

func parseRate(ref *Reference, r record) error {
	ref.FundingRates = append(ref.FundingRates, r.yearRate())
	return r.err
}

// yearRate is a rate of a financial year: financial_year (2025/26) and rate_gbp.
func (r *record) yearRate() workforce.FundingRate {
	fy := r.str("financial_year")
	start, ok := financialYearStart(fy)
	if !ok {
		r.fail("financial_year", "not a financial year like 2025/26")
	}
	return workforce.FundingRate{FinancialYear: fy, Starts: start, RateGBP: r.float("rate_gbp")}
}

func parseTarget(ref *Reference, r record) error {
	t := workforce.Target{Name: r.str("name"), FTE: r.float("fte"), Baseline: r.date("baseline"), Deadline: r.date("deadline"), IsDefault: r.bool("default")}
	if r.str("milestone_date") != "" {
		t.Milestones = []workforce.Milestone{{Due: r.date("milestone_date"), FTE: r.float("milestone_fte"), Label: r.str("milestone_label")}}
	}
	ref.Targets = append(ref.Targets, t)
	return r.err
}
