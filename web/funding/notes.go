package funding

import (
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/web/ui"
)

func (y Year) rateText() string {
	switch {
	case !y.RateKnown:
		return "No rate per weighted patient is held for " + y.Name + " or any earlier year, so the entitlement is shown as £0."
	case y.RateAssumed:
		return "No rate per weighted patient is published for " + y.Name + " yet: " + y.RateYear + "'s £" +
			strconv.FormatFloat(y.RatePounds, 'f', -1, 64) + " stands in."
	}
	return ""
}

func (y Year) populationText() string {
	if y.ListSize {
		return "No weighted population is in force on " + y.PopulationDay.Format(dateLong) + ": the registered list of " +
			ui.Count(int(y.Population)) + " patients stands in, so the entitlement follows list size rather than need."
	}
	return "Weighted population in force on " + y.PopulationDay.Format(dateLong) + ": " + ui.Decimal(y.Population, 0) + "."
}

func (y Year) costText() string {
	var parts []string
	if y.CostsAssumed > 0 {
		parts = append(parts, ui.Count(y.CostsAssumed)+" staff "+ui.Agree(y.CostsAssumed, "record has", "records have")+" no annual cost recorded: estimated at the cap, and what the PCN pays above it is not known.")
	}
	if y.PlanCostsAssumed > 0 {
		parts = append(parts, ui.Count(y.PlanCostsAssumed)+" plan "+ui.Agree(y.PlanCostsAssumed, "line has", "lines have")+" no annual cost: estimated at the cap.")
	}
	return strings.Join(parts, " ")
}

func (y Year) noCapText() string {
	return "No cap is known for " + strings.Join(y.NoCapRoles, ", ") + ": claims use the actual cost, which may be more than the scheme reimburses."
}

// bandText names the roles claimed against their band's cap (PLANNING.md: "pages say
// when it comes from the band").
func (y Year) bandText() string {
	if len(y.BandRoles) == 0 {
		return ""
	}
	t := "No cap of their own is held for " + strings.Join(y.BandRoles, ", ") + " (or only an older one): the cap of the role's Agenda for Change band stands in."
	if y.BandsAssumed > 0 {
		t += " " + ui.Count(y.BandsAssumed) + " mental health practitioner " + ui.Agree(y.BandsAssumed, "post has", "posts have") + " no band recorded: band 5, the lowest, is assumed."
	}
	return t
}

// uncostedText says what every total leaves out: records and plan lines with neither
// a cost nor a cap, never counted as £0.
func (y Year) uncostedText() string {
	if y.Uncosted == 0 {
		return ""
	}
	return "Totals are excluding " + ui.Count(y.Uncosted) + " " + ui.Agree(y.Uncosted, "record", "records") + " with neither a cost nor a cap: record a cost to include " + ui.Agree(y.Uncosted, "it", "them") + "."
}
