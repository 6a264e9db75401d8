package server

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"

	integrationweb "github.com/arrs-planner/arrs/web/integration"
)

// The integration of ARRS staff (issue 16; docs/integration.md): a PCN's page of the
// checklist per person with its warnings (integrationreport gathers, package
// integration's rules judge) and its file; the integration record form of one member
// of staff, for the PCN's managers; and the admins' list of services.

const integrationTitle = "Integration of ARRS staff"

// integrationOf gathers the PCN's integration on the staff as-of date and today, and
// the names its rows show by code.
func (s *Server) integrationOf(r *http.Request, p workforce.PCN) (*integrationreport.PCN, integrationweb.Names, error) {
	asOf, err := s.staffAsOf(r)
	if err != nil {
		return nil, integrationweb.Names{}, err
	}
	rep, err := integrationreport.OfPCN(r.Context(), s.db, p.Code, asOf, s.today())
	if err != nil {
		return nil, integrationweb.Names{}, err
	}
	practices, err := s.integrationPractices(r.Context(), p.Code)
	if err != nil {
		return nil, integrationweb.Names{}, err
	}
	services, err := s.db.IntegrationServices(r.Context())
	return rep, integrationNames(practices, services), err
}

// integrationPractices are the PCN's member practices today, by name: those of
// store.PracticesOfPCN, which the store checks a saved record's against.
func (s *Server) integrationPractices(ctx context.Context, pcn string) ([]workforce.Practice, error) {
	members, err := s.db.PracticesOfPCN(ctx, pcn, s.today())
	if err != nil {
		return nil, err
	}
	out := make([]workforce.Practice, len(members))
	for i, m := range members {
		out[i] = m.Practice
	}
	return out, nil
}

// integrationNames names the PCN's member practices and the services by code.
func integrationNames(practices []workforce.Practice, services []workforce.IntegrationService) integrationweb.Names {
	n := integrationweb.Names{Practices: map[string]string{}, Services: map[string]string{}}
	for _, p := range practices {
		n.Practices[p.Code] = p.Name
	}
	for _, sv := range services {
		n.Services[sv.Code] = sv.Name
	}
	return n
}

// onlyWarnings is ?warnings=: "1" keeps the people with warnings, "" or "0" everyone;
// anything else is a 400 naming the values.
func onlyWarnings(r *http.Request) (bool, error) {
	switch v := r.URL.Query().Get(integrationweb.OnlyWarningsParam); v {
	case "", "0":
		return false, nil
	case "1":
		return true, nil
	}
	return false, errBadRequest("?%s= must be 1 (only people with warnings) or 0 (everyone).", integrationweb.OnlyWarningsParam)
}

func entryPerson(e integrationreport.Entry) integrationweb.Person {
	return integrationweb.Person{Person: e.Person, RoleName: e.RoleName, Warnings: e.Warnings, SupervisionFrom: e.SupervisionFrom}
}

func (s *Server) integrationPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	only, err := onlyWarnings(r)
	if err != nil {
		return err
	}
	rep, names, err := s.integrationOf(r, p)
	if err != nil {
		return err
	}
	page := integrationweb.Page{Layout: s.capacityLayout(r, p, integrationTitle), PCNCode: p.Code, PCNName: p.Name,
		AsOf: rep.AsOf, Today: rep.Today, CanChange: currentUser(r).CanChangePCN(p.Code), OnlyWarnings: only,
		Summary: integrationweb.NewSummary(rep.Counts), Total: len(rep.People), Success: s.sessions.PopString(r.Context(), keyFlash),
		LaterTotal: len(rep.Later), LaterUntil: rep.LaterUntil, LaterMonths: integrationreport.LaterMonths}
	known := func(w integration.Warning) bool { _, ok := rep.Counts.Value(w); return ok }
	rows := func(entries []integrationreport.Entry) []integrationweb.Row {
		var out []integrationweb.Row
		for _, e := range entries {
			row := integrationweb.NewRow(p.Code, entryPerson(e), names, known, rep.Today)
			if !only || len(row.Warnings) > 0 {
				out = append(out, row)
			}
		}
		return out
	}
	page.People, page.Later = rows(rep.People), rows(rep.Later)
	if page.Plan, err = s.plannedStarters(r.Context(), p.Code); err != nil {
		return err
	}
	return render(w, r, integrationweb.View(page))
}

// plannedStarters are the ARRS starters of the PCN's latest plan version from today's
// quarter on (the version the plan page opens: PlansByPCN's newest).
func (s *Server) plannedStarters(ctx context.Context, pcn string) (integrationweb.Starters, error) {
	versions, err := s.db.PlansByPCN(ctx, pcn)
	if err != nil {
		return integrationweb.Starters{}, err
	}
	latest, ok := versions.Newest()
	if !ok {
		return integrationweb.Starters{}, nil
	}
	lines, err := s.db.PlanLines(ctx, latest.ID)
	if err != nil {
		return integrationweb.Starters{}, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return integrationweb.Starters{}, err
	}
	return integrationweb.NewStarters(versions.Number(latest.ID), latest.Status, lines, roles, s.today()), nil
}

// integrationDownload is the PCN's checklist as a file (report.WriteChecklistFile),
// one row per person of the page, in its order: those in post on the as-of date
// (in_counts 1), then those starting after it (in_counts 0).
func (s *Server) integrationDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.pcnOfURL(r)
		if err != nil {
			return err
		}
		rep, names, err := s.integrationOf(r, p)
		if err != nil {
			return err
		}
		rows := make([]report.ChecklistRow, 0, len(rep.People)+len(rep.Later))
		for _, e := range rep.People {
			row := checklistRow(p.Code, e, rep.Counts, names)
			row.InCounts = true
			rows = append(rows, row)
		}
		for _, e := range rep.Later {
			rows = append(rows, checklistRow(p.Code, e, rep.Counts, names))
		}
		name := "arrs-integration-" + p.Code + "-" + rep.AsOf.Format(workforce.DateLayout)
		return attachment(w, format, name, func(w io.Writer) error { return report.WriteChecklistFile(w, format, rows) })
	}
}

// checklistRow is a person of the page as the checklist file writes them: the next
// appraisal due as recorded, and the day the appraisal warning is judged on
// (integration.AppraisalDue) where the PCN's records are kept.
func checklistRow(pcn string, e integrationreport.Entry, c integration.Counts, names integrationweb.Names) report.ChecklistRow {
	rec, st := e.Record, e.Staff
	row := report.ChecklistRow{PCNCode: pcn, StaffID: st.ID, RoleCode: st.RoleCode, Role: e.RoleName, FTE: st.FTE, Start: st.Start,
		Practices: rec.Practices, InductionOn: rec.InductionOn, RecordsAccessOn: rec.RecordsAccessOn, AdminSupport: rec.AdminSupport,
		ClinicalSupervisors: e.ClinicalSupervisors, LastAppraisalOn: rec.LastAppraisalOn, NextAppraisalDue: rec.NextAppraisalDue,
		DevelopmentStep: rec.DevelopmentStep, Known: map[integration.Warning]bool{}, Has: map[integration.Warning]bool{}}
	if rec.RoadmapStage != "" {
		row.RoadmapStage = workforce.RoadmapStageLabel(st.RoleCode, rec.RoadmapStage)
	}
	if rec.ServiceCode != "" {
		row.Service = orElse(names.Services[rec.ServiceCode], rec.ServiceCode)
	}
	for _, w := range integration.Warnings {
		_, row.Known[w] = c.Value(w)
		row.Has[w] = slices.Contains(e.Warnings, w)
	}
	if row.Known[integration.AppraisalOverdue] {
		row.AppraisalDue = e.AppraisalDue
	}
	return row
}

// integrationScope is what the record form needs: the PCN, the staff record of the URL
// (an ARRS record of the PCN, else not found), its integration record (version 0 when
// none is saved), what the form offers, the role and the clinical supervisors today.
type integrationScope struct {
	pcn      workforce.PCN
	staff    workforce.StaffRecord
	rec      workforce.IntegrationRecord
	role     workforce.Role
	services []workforce.IntegrationService
	choices  integrationweb.Choices
	names    integrationweb.Names
	// supervisors are the names of the clinical supervisors of links in force today;
	// supervisionFrom, with none, the first day a clinical link starts (zero for none).
	supervisors     []string
	supervisionFrom time.Time
}

func (s *Server) integrationScope(r *http.Request) (integrationScope, error) {
	var sc integrationScope
	var err error
	if sc.pcn, err = s.pcnOfURL(r); err != nil {
		return sc, err
	}
	id, err := urlID(r)
	if err != nil {
		return sc, err
	}
	ctx := r.Context()
	if sc.staff, err = s.db.StaffRecord(ctx, sc.pcn.Code, id); err != nil {
		return sc, err
	}
	if !sc.staff.IsARRS() {
		return sc, errNotFound
	}
	if sc.rec, err = s.integrationRecord(ctx, sc.pcn.Code, id); err != nil {
		return sc, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return sc, err
	}
	sc.role = workforce.Role{Code: sc.staff.RoleCode, Name: sc.staff.RoleCode}
	if i := slices.IndexFunc(roles, func(x workforce.Role) bool { return x.Code == sc.staff.RoleCode }); i >= 0 {
		sc.role = roles[i]
	}
	practices, err := s.integrationPractices(ctx, sc.pcn.Code)
	if err != nil {
		return sc, err
	}
	if sc.services, err = s.db.IntegrationServices(ctx); err != nil {
		return sc, err
	}
	sc.choices = integrationweb.ChoicesFor(practices, sc.staff.RoleCode, sc.services, sc.rec)
	sc.names = integrationNames(practices, sc.services)
	sc.supervisors, sc.supervisionFrom, err = s.clinicalSupervisors(ctx, sc.pcn.Code, id, s.today())
	return sc, err
}

// integrationRecord is the staff record's integration record, or a new one (version
// 0) when none is saved.
func (s *Server) integrationRecord(ctx context.Context, pcn string, staffID int64) (workforce.IntegrationRecord, error) {
	rec, err := s.db.IntegrationRecord(ctx, pcn, staffID)
	if errors.Is(err, store.ErrNotFound) {
		return workforce.IntegrationRecord{StaffID: staffID, PCNCode: pcn}, nil
	}
	return rec, err
}

// clinicalSupervisors are the names of the supervisors of a staff record's clinical
// supervision links in force on day d, as the integration page names them
// (integrationreport.ClinicalSupervisors), and with none the first day after d a
// clinical link of theirs starts (zero for none).
func (s *Server) clinicalSupervisors(ctx context.Context, pcn string, staffID int64, d time.Time) ([]string, time.Time, error) {
	links, err := s.db.SupervisionLinksOfPCN(ctx, pcn)
	if err != nil {
		return nil, time.Time{}, err
	}
	sups, err := s.db.SupervisorsOfPCN(ctx, pcn)
	if err != nil {
		return nil, time.Time{}, err
	}
	names := integrationreport.ClinicalSupervisors(sups, links, d)[staffID]
	if len(names) > 0 {
		return names, time.Time{}, nil
	}
	return nil, integrationreport.NextClinicalLinks(links, d)[staffID], nil
}

// integrationForm frames the form of the scope's record.
func (s *Server) integrationForm(r *http.Request, sc integrationScope, f integrationweb.Form) integrationweb.Form {
	f.StaffID, f.Choices = sc.staff.ID, sc.choices
	f.Person = integrationweb.Describe(sc.role.Name, sc.staff.Staff)
	f.Supervisors, f.NeedsSupervision, f.SupervisionFrom = sc.supervisors, sc.role.NeedsSupervision, sc.supervisionFrom
	return f.Framed(s.capacityLayout(r, sc.pcn, "Integration record"), sc.pcn)
}

func (s *Server) integrationEdit(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.integrationScope(r)
	if err != nil {
		return err
	}
	return render(w, r, integrationweb.FormPage(s.integrationForm(r, sc, integrationweb.FormOf(sc.rec))))
}

func (s *Server) integrationSave(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.integrationScope(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := integrationweb.Form{}
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	f.PCNName = sc.pcn.Name
	rec := f.Read(form, sc.rec, sc.choices, sc.services, sc.staff.Staff, s.today())
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, integrationweb.FormPage(s.integrationForm(r, sc, f)))
	}
	_, err = s.db.SaveIntegrationRecord(r.Context(), rec, s.today(), actorOf(r))
	var problems workforce.Problems
	switch {
	case errors.Is(err, store.ErrConflict):
		now, err := s.integrationRecord(r.Context(), sc.pcn.Code, sc.staff.ID)
		if err != nil {
			return err
		}
		f = f.Stale(integrationweb.Fields(sc.staff.RoleCode, now, sc.names), now.Version)
		return renderStatus(w, r, http.StatusConflict, integrationweb.FormPage(s.integrationForm(r, sc, f)))
	case errors.As(err, &problems):
		// Checked again in the transaction (the same Validate, on the fields of the
		// form): a practice may have left the PCN since, a service been withdrawn.
		input.AddProblems(f.Errors, problems)
		return renderStatus(w, r, http.StatusUnprocessableEntity, integrationweb.FormPage(s.integrationForm(r, sc, f)))
	case err != nil:
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, integrationweb.SavedText(sc.role.Name, sc.staff.Staff))
	http.Redirect(w, r, integrationweb.Href(sc.pcn.Code), http.StatusSeeOther)
	return nil
}

func (s *Server) servicesEdit(w http.ResponseWriter, r *http.Request) error {
	services, err := s.db.IntegrationServices(r.Context())
	if err != nil {
		return err
	}
	f := integrationweb.ServicesFormOf(services)
	f.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, integrationweb.ServicesPage(f.Framed(s.page(r, integrationweb.ServicesTitle, layout.NavNone))))
}

func (s *Server) servicesSave(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	current, err := s.db.IntegrationServices(r.Context())
	if err != nil {
		return err
	}
	f, services := integrationweb.ReadServices(form, current)
	page := func(f integrationweb.ServicesForm) integrationweb.ServicesForm {
		return f.Framed(s.page(r, integrationweb.ServicesTitle, layout.NavNone))
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, integrationweb.ServicesPage(page(f)))
	}
	err = s.db.SaveIntegrationServices(r.Context(), services, actorOf(r))
	var problems workforce.Problems
	switch {
	case errors.Is(err, store.ErrConflict):
		now, err := s.db.IntegrationServices(r.Context())
		if err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusConflict, integrationweb.ServicesPage(page(f.Stale(now))))
	case errors.As(err, &problems):
		for _, p := range problems {
			f.Errors["new-name"] = orElse(f.Errors["new-name"], p.Message)
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, integrationweb.ServicesPage(page(f)))
	case err != nil:
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "Saved the list of services")
	http.Redirect(w, r, integrationweb.ServicesHref, http.StatusSeeOther)
	return nil
}
