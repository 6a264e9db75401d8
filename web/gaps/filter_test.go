package gaps

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/web/ui"
)

// TestFilterPCNsKeepsTheQuery: the PCN table's filter and pages keep the what-if, the
// level and the sort in every link, and a filter starts again at page 1.
func TestFilterPCNsKeepsTheQuery(t *testing.T) {
	t.Parallel()
	var rows []Row
	for i := range 250 {
		icb := []string{"QOC", "QHM"}[i%2]
		rows = append(rows, Row{Code: fmt.Sprintf("U%05d", i), RegionCode: map[string]string{"QOC": "Y60", "QHM": "Y63"}[icb], ICBCode: icb})
	}
	p := Dashboard{Level: "pcn", Rows: rows, Sort: ui.Sort{Query: url.Values{"level": {"pcn"}, FieldAttrition: {"12"}}}}
	q := url.Values{"level": {"pcn"}, FieldAttrition: {"12"}, "sort": {"name"}, "dir": {"desc"}, ParamICB: {"qhm"}, "page": {"2"}}
	regions, icbs := []Option{{"Y60", "Midlands"}, {"Y63", "North East and Yorkshire"}}, []Option{{"QHM", "North East"}, {"QOC", "Shropshire"}}
	if err := p.FilterPCNs(q, regions, icbs); err != nil {
		t.Fatal(err)
	}
	if p.Total != 125 || len(p.Rows) != 25 || p.Rows[0].ICBCode != "QHM" {
		t.Errorf("QHM's page 2: %d rows of %d, first of %s", len(p.Rows), p.Total, p.Rows[0].ICBCode)
	}
	if h := p.Pages.Href(1); h != "/gaps?attrition=12&dir=desc&icb=QHM&level=pcn&sort=name#gap-table" {
		t.Errorf("page 1: %s", h)
	}
	if got := p.Sort.Query.Encode(); got != "attrition=12&icb=QHM&level=pcn" {
		t.Errorf("the sort links keep %s", got)
	}
	var hidden []string
	for _, h := range p.Filter.Hidden {
		hidden = append(hidden, h.Name+"="+h.Value)
	}
	if got := strings.Join(hidden, "&"); got != "attrition=12&dir=desc&level=pcn&sort=name" {
		t.Errorf("the filter form keeps %s (never the page, nor the filter itself)", got)
	}
	if p.Filter.ClearHref != "/gaps?attrition=12&dir=desc&level=pcn&sort=name#gap-table" {
		t.Errorf("clear: %s", p.Filter.ClearHref)
	}
	for _, bad := range []url.Values{{ParamICB: {"QZZ"}}, {ParamRegion: {strings.Repeat("Y", 13)}}, {"page": {"0"}}} {
		p := Dashboard{Level: "pcn", Rows: rows}
		if err := p.FilterPCNs(bad, regions, icbs); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
