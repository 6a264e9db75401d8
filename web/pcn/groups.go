package pcn

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
)

// NewPage is the overview of PCN a (info and icb from the organisation tree) on the
// snapshot's day, with its staff in post grouped by role; row lays a record out as the
// staff list does.
func NewPage(l layout.PageParams, snap areas.Snapshot, a workforce.AreaFTE, info workforce.PCN, icb workforce.ICB,
	staff []workforce.StaffRecord, row func(workforce.StaffRecord) Staff) Page {
	p := Page{
		Layout: l,
		Code:   a.Code, Name: a.Name, ICBCode: icb.Code, ICBName: icb.Name, At: snap.At, Census: snap.Census,
		Patients: a.Patients, Practices: info.MemberPractices, ARRS: a.ARRS, NonARRS: a.NonARRS, PerTenThousand: a.PerTenThousand(),
	}
	if snap.NoData() {
		p.NoData, p.NoDataText = true, snap.NoDataText()
	}
	p.Layout.Breadcrumbs = areas.Breadcrumbs(snap.Areas, a)
	p.ARRSGroups, p.OtherGroups = Groups(snap.Roles, staff, row)
	return p
}

// NewAbsentPage is the page of a PCN on a day it had no place in the structure (before
// it was formed): it says so, with no figures, as an ICB's page does for an ICB.
func NewAbsentPage(l layout.PageParams, code, name string, day time.Time) Page {
	return Page{Layout: l, Code: code, Name: name, At: day,
		Absent: name + " did not exist on " + day.Format("2 January 2006") + ": it has no place in the structure of that day, so it has no figures for it."}
}

// Groups groups records by ARRS role (in catalogue order) and, for other staff, by
// NWRS staff role (in the records' order: StaffRecordsInPost sorts them by name).
func Groups(roles []workforce.Role, staff []workforce.StaffRecord, row func(workforce.StaffRecord) Staff) (arrs, other []Group) {
	byRole := map[string]*Group{}
	var otherKeys []string
	for _, s := range staff {
		key, title, href := s.StaffRole, s.StaffRole, ""
		if s.IsARRS() {
			key, href = s.RoleCode, "/roles/"+s.RoleCode
		}
		g, ok := byRole[key]
		if !ok {
			g = &Group{Key: key, Title: title, Href: href}
			byRole[key] = g
			if !s.IsARRS() {
				otherKeys = append(otherKeys, key)
			}
		}
		g.FTE += s.FTE
		g.Rows = append(g.Rows, row(s))
	}
	for _, role := range roles {
		if g, ok := byRole[role.Code]; ok {
			g.Title = role.Name
			arrs = append(arrs, *g)
		}
	}
	for _, k := range otherKeys {
		other = append(other, *byRole[k])
	}
	return arrs, other
}
