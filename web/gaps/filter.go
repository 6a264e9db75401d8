package gaps

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/arrs-planner/arrs/web/ui"
)

// The table of England's PCNs on /gaps (1,297 rows, some 900 kB) is filtered by region
// and ICB and paged on the server, 100 rows a page; the whole table stays one download
// away (Dashboard.Downloads: /gaps.csv and .xlsx, every PCN).

// Query parameters of the PCN table's filter.
const (
	ParamRegion = "region"
	ParamICB    = "icb"
)

// PCNPageSize is how many rows a page of the PCN table shows.
const PCNPageSize = 100

// maxFilterCode bounds ?region= and ?icb= before they are looked up: codes are three
// characters (a region's nine, E40000003).
const maxFilterCode = 12

// Option is a region or ICB the filter offers, by code and name.
type Option struct{ Code, Name string }

// PCNFilter is the GET form over the PCN table: a region, an ICB, or both, with the
// page's other parameters kept as hidden fields.
type PCNFilter struct {
	Region, ICB   string
	Regions, ICBs []ui.SelectItem
	Hidden        []Hidden
	// ClearHref is the table of every PCN, the rest kept.
	ClearHref string
}

// Active reports whether the filter narrows the table.
func (f PCNFilter) Active() bool { return f.Region != "" || f.ICB != "" }

// FilterPCNs narrows the PCN table (rows already ordered by SetTable) to the region
// and ICB q asks for (?region=, ?icb=, codes of regions and icbs) and to its page
// (?page=, PCNPageSize rows; a page past the last shows the last), and makes every
// link of the table keep them with the what-if, the level and the sort. A code that is
// too long or of no region or ICB of the report is refused in a sentence saying so.
func (p *Dashboard) FilterPCNs(q url.Values, regions, icbs []Option) error {
	region, err := filterCode(q, ParamRegion, "region", regions)
	if err != nil {
		return err
	}
	icb, err := filterCode(q, ParamICB, "ICB", icbs)
	if err != nil {
		return err
	}
	keep := With(p.Sort.Query) // the what-if and the level
	f := PCNFilter{Region: region, ICB: icb, ClearHref: Link("/gaps", withSort(keep, q)) + "#" + tableID,
		Regions: selectItems("All regions", regions), ICBs: selectItems("All ICBs", icbs)}
	for _, k := range sortedKeys(withSort(keep, q)) {
		f.Hidden = append(f.Hidden, Hidden{Name: k, Value: withSort(keep, q).Get(k)})
	}
	if region != "" {
		keep.Set(ParamRegion, region)
	}
	if icb != "" {
		keep.Set(ParamICB, icb)
	}
	var rows []Row
	for _, r := range p.Rows {
		if (region == "" || r.RegionCode == region) && (icb == "" || r.ICBCode == icb) {
			rows = append(rows, r)
		}
	}
	p.Sort.Query, p.Filter, p.Total = keep, &f, len(rows)
	p.Pages = ui.Pages{Size: PCNPageSize, Path: "/gaps", Query: withSort(keep, q), Anchor: tableID}
	if p.Pages.Page, err = p.Pages.Read(q, len(rows)); err != nil {
		return err
	}
	p.Rows = ui.Slice(rows, p.Pages)
	return nil
}

// filterCode reads one of the filter's codes: "" for all, else one of opts.
func filterCode(q url.Values, param, what string, opts []Option) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(q.Get(param)))
	if v == "" {
		return "", nil
	}
	if len(v) > maxFilterCode {
		return "", fmt.Errorf("The %s must be given by its code, at most %d characters, not %q.", what, maxFilterCode, v[:maxFilterCode]+"…")
	}
	for _, o := range opts {
		if o.Code == v {
			return v, nil
		}
	}
	return "", fmt.Errorf("There is no %s with the code %s in the gap report: choose one from the list.", what, v)
}

// withSort is q with the sort and direction of the request's query r, for the links
// that keep the table's order (its pages, the filter).
func withSort(q, r url.Values) url.Values {
	out := With(q)
	for _, k := range []string{"sort", "dir"} {
		if v := r.Get(k); v != "" {
			out.Set(k, v)
		}
	}
	return out
}

// selectItems are the options of a filter's select, "all" first.
func selectItems(all string, opts []Option) []ui.SelectItem {
	out := []ui.SelectItem{{Value: "", Text: all}}
	for _, o := range opts {
		out = append(out, ui.SelectItem{Value: o.Code, Text: o.Name})
	}
	return out
}

// sortedKeys are q's keys in order, so that the hidden fields read the same each time.
func sortedKeys(q url.Values) []string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Showing says which PCNs the page shows: "Showing 101–200 of 1,297 PCNs".
func (p Dashboard) Showing() string { return p.Pages.Showing(p.Total, "PCNs") }

// noneText says why the filter leaves no PCN.
func (f PCNFilter) noneText() string {
	if f.Region != "" && f.ICB != "" {
		return "No PCN matches: the chosen ICB is not in the chosen region."
	}
	return "No PCN matches the filter."
}
