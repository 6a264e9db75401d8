package server

import (
	"io"
	"net/http"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/report"

	fundingweb "github.com/arrs-planner/arrs/web/funding"
)

// fundingPractices is /pcns/{code}/funding/practices.csv and .xlsx: for every year of
// the funding page, each member practice's share of the PCN's costs and
// reimbursements and its practice GP scheme figures (report.WritePracticesFile).
func (s *Server) fundingPractices(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.pcnOfURL(r)
		if err != nil {
			return err
		}
		res, _, err := funding.ForPCN(r.Context(), s.db, s.today(), p, funding.Years(s.today())...)
		if err != nil {
			return err
		}
		var rows []funding.PracticeRow
		for _, y := range res.PCN(p.Code) {
			rows = append(rows, y.PracticeRows()...)
		}
		name := "arrs-practices-" + p.Code + "-" + s.today().Format("2006-01-02")
		return attachment(w, format, name, func(w io.Writer) error { return report.WritePracticesFile(w, format, rows) })
	}
}

// practicesDownloads are the links to the practices' figures.
func practicesDownloads(code string) []fundingweb.Download {
	base := "/pcns/" + code + "/funding/practices"
	return []fundingweb.Download{
		{Text: "CSV", Href: base + ".csv", TestID: "practices-csv"},
		{Text: "Excel (XLSX)", Href: base + ".xlsx", TestID: "practices-xlsx"},
	}
}
