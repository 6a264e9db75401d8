package server

import (
	"io"
	"net/http"

	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The pulse's downloads: a PCN's closed rounds (/pcns/{code}/pulse.csv, .xlsx) and an
// ICB's PCNs with the averages (/icbs/{code}/pulse.csv, .xlsx), suppressed as the pages
// are (report.PulsePCNRows and friends build rows from package pulse's results only),
// never with a comment.

func (s *Server) pulseDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, pp, err := s.pcnPulseOfURL(r)
		if err != nil {
			return err
		}
		var rows []report.PulseRow
		for _, c := range pp.closed {
			rows = append(rows, report.PulsePCNRows(p.Code, c.Round, c.Result)...)
		}
		name := "arrs-pulse-" + p.Code + "-" + s.today().Format(workforce.DateLayout)
		return attachment(w, format, name, func(w io.Writer) error { return report.WritePulsePCNFile(w, format, rows) })
	}
}

func (s *Server) icbPulseDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		tree, icb, a, err := s.icbPulseOfURL(r)
		if err != nil {
			return err
		}
		var rows []report.PulseRow
		for _, p := range pulsePCNsOf(tree, icb.Code) {
			if c, ok := a.latest[p.Code]; ok {
				rows = append(rows, report.PulseAreaRow(p.Code, p.Name, c.Round, c.Result))
			}
		}
		rows = append(rows, report.PulsePoolRow(workforce.LevelICB, icb.Code, icb.Name, pulseResults(a.latest, a.icb)),
			report.PulsePoolRow(workforce.LevelEngland, workforce.EnglandCode, "England", pulseResults(a.latest, a.england)))
		name := "arrs-pulse-icb-" + icb.Code + "-" + s.today().Format(workforce.DateLayout)
		return attachment(w, format, name, func(w io.Writer) error { return report.WritePulseAreaFile(w, format, rows) })
	}
}
