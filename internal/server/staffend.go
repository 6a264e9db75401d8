package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	integrationweb "github.com/arrs-planner/arrs/web/integration"
	"github.com/arrs-planner/arrs/web/pcn"
	"github.com/arrs-planner/arrs/web/staff"
)

func (s *Server) staffEndForm(w http.ResponseWriter, r *http.Request) error {
	sc, rec, err := s.staffRecordScope(r)
	if err != nil {
		return err
	}
	return render(w, r, staff.EndPage(s.endForm(r, sc, rec, staff.EndFormOf(rec))))
}

func (s *Server) endForm(r *http.Request, sc staffScope, rec workforce.StaffRecord, f staff.EndForm) staff.EndForm {
	return f.Framed(s.staffPage(r, sc, "End a staff record"), rec, sc.cat)
}

func (s *Server) staffEnd(w http.ResponseWriter, r *http.Request) error {
	sc, current, err := s.staffRecordScope(r)
	if err != nil {
		return err
	}
	v, err := readForm(r)
	if err != nil {
		return err
	}
	f, end := staff.ReadEnd(v, current)
	if f.Version, err = formVersion(v); err != nil {
		return err
	}
	if f.Error != "" {
		return renderStatus(w, r, http.StatusUnprocessableEntity, staff.EndPage(s.endForm(r, sc, current, f)))
	}
	saved, err := s.db.EndStaff(r.Context(), sc.pcn.Code, current.ID, f.Version, end, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.endConflict(w, r, sc, f)
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "Ended the record: "+staff.Fields(saved, sc.cat)[0].Value+", no longer in post from "+end.Format("2 January 2006"))
	http.Redirect(w, r, staff.ListHref(sc.pcn.Code), http.StatusSeeOther)
	return nil
}

// endConflict answers a stale end: 409, the date kept, and what changed since the
// version the person saw (kept in the record's history).
func (s *Server) endConflict(w http.ResponseWriter, r *http.Request, sc staffScope, f staff.EndForm) error {
	now, err := s.record(r, sc)
	if err != nil {
		return err
	}
	history, err := s.db.StaffHistory(r.Context(), sc.pcn.Code, now.ID)
	if err != nil {
		return err
	}
	f = f.EndConflict(now, history, sc.cat)
	return renderStatus(w, r, http.StatusConflict, staff.EndPage(s.endForm(r, sc, now, f)))
}

// staffHistory shows a record and its earlier versions to everyone who may see the
// PCN's staff; the links to change it only to those who may change it.
func (s *Server) staffHistory(w http.ResponseWriter, r *http.Request) error {
	sc, rec, err := s.staffRecordScope(r)
	if err != nil {
		return err
	}
	earlier, err := s.db.StaffHistory(r.Context(), sc.pcn.Code, rec.ID)
	if err != nil {
		return err
	}
	p := staff.HistoryOf(rec, earlier, sc.cat)
	p.Layout, p.CanChange = s.staffPage(r, sc, "History of a staff record"), currentUser(r).CanChangePCN(sc.pcn.Code)
	return render(w, r, staff.History(p))
}

// staffListExtras adds to the staff list what keeping the records needs: the links
// that change them (for those who may), the outcome of the last save, and the records
// that start after the list's date (recruits not yet in post on it).
func (s *Server) staffListExtras(r *http.Request, p *pcn.Page) error {
	p.CanChange = currentUser(r).CanChangePCN(p.Code)
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	if w := s.sessions.PopString(r.Context(), keyWarnings); w != "" {
		p.Warnings = strings.Split(w, "\n")
	}
	later, err := s.db.StaffStartingAfter(r.Context(), p.Code, p.At)
	if err != nil {
		return err
	}
	for _, rec := range later {
		p.Upcoming = append(p.Upcoming, staffRow(rec))
	}
	return nil
}

// staffRow is a record as the staff list shows it.
func staffRow(rec workforce.StaffRecord) pcn.Staff {
	return pcn.Staff{ID: rec.ID, Href: staff.RecordHref(rec.PCNCode, rec.ID), Role: orElse(rec.DetailedRole, rec.StaffRole),
		Source: staff.SourceText(rec), Identifier: rec.UniqueIdentifier, FTE: rec.FTE, Since: rec.Start,
		InCensus: rec.StartsFromCensus(), End: rec.End, Funding: staff.FundingText(rec),
		ARRS: rec.IsARRS(), IntegrationPage: integrationweb.Href(rec.PCNCode)}
}
