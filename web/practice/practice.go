// Package practice renders a GP practice's page: its place in today's structure (PCN,
// sub-ICB location, ICB), its registered patients, its deprivation score and its
// need-adjusted population with its national deprivation quintile.
package practice

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /practices/{code}.
type Page struct {
	Layout               layout.PageParams
	Code, Name, Postcode string
	// Today is the day the practice's place is read for.
	Today time.Time
	// Placed is false when the practice has no place in today's structure.
	Placed bool
	// PCNCode is "" for a practice in no PCN.
	PCNCode, PCNName       string
	SubICBCode, SubICBName string
	ICBCode, ICBName       string
	// Patients at Extract; PatientsKnown false when the publication has no figure.
	Patients      int
	PatientsKnown bool
	Extract       time.Time
	// Deprivation is the latest score held (DeprivationYear, DeprivationSource).
	Deprivation       float64
	DeprivationYear   int
	DeprivationSource string
	DeprivationKnown  bool
	// Need is the practice's need on Today (NeedOf), nil when need has no figure for it.
	Need *Need
}

// rows are the practice's facts, each "no data" where unknown.
func (p Page) rows() ui.SummaryListParams {
	return ui.SummaryListParams{ID: "practice", Rows: []ui.SummaryListRow{
		{Key: "ODS code", Value: p.Code, TestID: "code"},
		{Key: "Postcode", Value: orNoData(p.Postcode), TestID: "postcode"},
		{Key: "PCN", Content: place(p.pcn()), TestID: "pcn"},
		{Key: "Sub-ICB location", Value: p.subICB(), TestID: "sub-icb"},
		{Key: "ICB", Content: place(p.icb()), TestID: "icb"},
		{Key: "Registered patients", Value: p.patients(), TestID: "patients"},
		{Key: "Deprivation score", Value: p.deprivation(), TestID: "deprivation"},
		{Key: "Need-adjusted population", Content: needValue(p.needText()), TestID: "need"},
		{Key: "National deprivation quintile (for need)", Value: p.quintileText(), TestID: "need-quintile"},
	}}
}

// placeLink is a linked organisation, or the text saying why there is none.
type placeLink struct{ Text, Href string }

func (p Page) pcn() placeLink {
	switch {
	case !p.Placed:
		return placeLink{Text: ui.NoData}
	case p.PCNCode == "":
		return placeLink{Text: "In no PCN"}
	}
	return placeLink{Text: p.PCNName + " (" + p.PCNCode + ")", Href: "/pcns/" + p.PCNCode}
}

func (p Page) icb() placeLink {
	if !p.Placed {
		return placeLink{Text: ui.NoData}
	}
	return placeLink{Text: p.ICBName + " (" + p.ICBCode + ")", Href: "/icbs/" + p.ICBCode}
}

func (p Page) subICB() string {
	if !p.Placed || p.SubICBCode == "" {
		return ui.NoData
	}
	if strings.Contains(p.SubICBName, p.SubICBCode) { // "NHS … ICB - M2L0M" names its code
		return p.SubICBName
	}
	return orDefault(p.SubICBName, p.SubICBCode) + " (" + p.SubICBCode + ")"
}

// patients is the list with the day it was published: "11,000 on 1 February 2026".
func (p Page) patients() string {
	if !p.PatientsKnown {
		return ui.NoData
	}
	return ui.Count(p.Patients) + " on " + p.Extract.Format("2 January 2006")
}

// deprivation is the latest score with its year and source; higher is more deprived.
func (p Page) deprivation() string {
	if !p.DeprivationKnown {
		return ui.NoData
	}
	return ui.Decimal(p.Deprivation, 1) + " (" + p.DeprivationSource + ", " + strconv.Itoa(p.DeprivationYear) + "; higher is more deprived)"
}

// placeText says where the practice sits today, under the heading.
func (p Page) placeText() string {
	if !p.Placed {
		return "This practice has no place in the structure of PCNs on " + p.Today.Format("2 January 2006") + "."
	}
	return "Its place on " + p.Today.Format("2 January 2006") + ", and its latest published list."
}

func orNoData(s string) string { return orDefault(s, ui.NoData) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
