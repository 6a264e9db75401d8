package importer

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// practiceMapColumns are the columns of NHS England's mapping file the import needs
// (PUBLICATION and SUPPLIER_NAME are ignored).
var practiceMapColumns = []string{
	"EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
	"ONS_SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_NAME",
	"ONS_ICB_CODE", "ICB_CODE", "ICB_NAME", "ONS_COMM_REGION_CODE", "COMM_REGION_CODE", "COMM_REGION_NAME",
}

// noPCN is the PCN_CODE of a practice in no PCN (named "Unallocated").
const noPCN = "U"

// mapReader reads the mapping file row by row.
type mapReader struct {
	t         *table
	files     *workforce.PracticeFiles
	extract   extractDate
	practices rowKeys[string]
	names     namings
	paths     map[pathKey]bool
}

// pathKey is one Path of the mapping file. A PCN's practices may sit in different
// sub-ICB locations, and even in different ICBs under one sub-ICB code (in November
// 2025, 23 PCNs had practices in two ICBs, and 16 sub-ICB codes practices of two or
// three ICBs): each practice's own sub-ICB and ICB are its membership's, and the Paths
// are each combination the rows state, not one per PCN.
type pathKey struct{ pcn, subICB, icb string }

// readPracticeMap reads the mapping file: one Practice and one PracticeMembership (from
// the extract date) per row, and the Paths of the PCNs (see pathKey). A code must
// carry the same name (and ONS code, and for an ICB the same region) on every row.
func readPracticeMap(t *table) (*workforce.PracticeFiles, error) {
	m := &mapReader{t: t, files: &workforce.PracticeFiles{}, practices: rowKeys[string]{}, names: namings{}, paths: map[pathKey]bool{}}
	if err := eachRow(t, m.row); err != nil {
		return nil, err
	}
	if len(m.files.Practices) == 0 {
		return nil, &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows"}
	}
	m.files.Extract = m.extract.date
	slices.SortFunc(m.files.Paths, func(a, b workforce.OrgPath) int {
		return cmp.Or(cmp.Compare(a.PCN.Code, b.PCN.Code), cmp.Compare(a.SubICB.Code, b.SubICB.Code), cmp.Compare(a.ICB.Code, b.ICB.Code))
	})
	return m.files, nil
}

func (m *mapReader) row() error {
	t := m.t
	if err := m.extract.read(t, "EXTRACT_DATE"); err != nil {
		return err
	}
	p, err := practiceOf(t)
	if err != nil {
		return err
	}
	if first, dup := m.practices.seen(p.Code, t.line); dup {
		return t.fail("PRACTICE_CODE", "practice "+p.Code+" is also on line "+strconv.Itoa(first)+"; a practice appears once")
	}
	o, err := m.path()
	if err != nil {
		return err
	}
	m.files.Practices = append(m.files.Practices, p)
	m.files.Memberships = append(m.files.Memberships, workforce.PracticeMembership{
		PracticeCode: p.Code, PCNCode: o.PCN.Code, SubICBCode: o.SubICB.Code, ICBCode: o.ICB.Code, From: m.extract.date,
	})
	if k := (pathKey{o.PCN.Code, o.SubICB.Code, o.ICB.Code}); o.PCN.Code != "" && !m.paths[k] {
		m.paths[k] = true
		m.files.Paths = append(m.files.Paths, o)
	}
	return nil
}

func practiceOf(t *table) (workforce.Practice, error) {
	code, err := practiceCode(t, "PRACTICE_CODE")
	if err != nil {
		return workforce.Practice{}, err
	}
	name := t.get("PRACTICE_NAME")
	if name == "" {
		return workforce.Practice{}, t.fail("PRACTICE_NAME", "is empty")
	}
	return workforce.Practice{Code: code, Name: name, Postcode: t.get("PRACTICE_POSTCODE")}, nil
}

// path reads the row's PCN (PCN.Code "" for noPCN), sub-ICB, ICB and region.
func (m *mapReader) path() (workforce.OrgPath, error) {
	region, err := m.org(regionColumns, "")
	if err != nil {
		return workforce.OrgPath{}, err
	}
	icb, err := m.org(icbColumns, region.code)
	if err != nil {
		return workforce.OrgPath{}, err
	}
	sub, err := m.org(subICBColumns, "")
	if err != nil {
		return workforce.OrgPath{}, err
	}
	pcn, err := m.pcn()
	if err != nil {
		return workforce.OrgPath{}, err
	}
	return workforce.OrgPath{
		PCN:    workforce.PCN{Code: pcn.code, Name: pcn.name, SubICBCode: sub.code, ICBCode: icb.code},
		SubICB: workforce.SubICB{Code: sub.code, ONSCode: sub.ons, Name: sub.name, ICBCode: icb.code},
		ICB:    workforce.ICB{Code: icb.code, ONSCode: icb.ons, Name: icb.name, RegionCode: region.code},
		Region: workforce.Region{Code: region.code, ONSCode: region.ons, Name: region.name},
	}, nil
}

// pcn reads PCN_CODE and PCN_NAME: noPCN, or U and 5 digits with a name.
func (m *mapReader) pcn() (org, error) {
	t := m.t
	code := t.get("PCN_CODE")
	switch {
	case code == noPCN:
		return org{}, nil
	case !isPCNCode(code):
		return org{}, t.fail("PCN_CODE", "expected a PCN code such as U60057 (U and 5 digits), or U for no PCN, found "+Quote(code))
	}
	name := t.get("PCN_NAME")
	if name == "" {
		return org{}, t.fail("PCN_NAME", "is empty")
	}
	return org{code: code, name: name}, m.names.check(t, "PCN_NAME", "PCN "+code+"'s name", name)
}
