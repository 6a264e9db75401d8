package importer

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// icbRow reads an ICB in force from the day: code, name, ons_code ("" while ONS has
// not published one) and region_code.
func (r *orgReader) icbRow(t *table) error {
	icb := workforce.ICB{Code: t.get("code"), Name: t.get("name"), ONSCode: t.get("ons_code"), RegionCode: t.get("region_code")}
	if err := orgCode(t, "code"); err != nil {
		return err
	}
	if icb.Name == "" {
		return t.fail("name", "is empty")
	}
	if icb.ONSCode != "" && !isICBONSCode(icb.ONSCode) {
		return t.fail("ons_code", "expected an ICB's ONS code, E54 and 6 digits (such as E54000065), found "+Quote(icb.ONSCode))
	}
	if !isRegionCode(icb.RegionCode) {
		return t.fail("region_code", "expected an NHS England region's ODS code, Y and 2 digits (such as Y56), found "+Quote(icb.RegionCode))
	}
	if err := r.unique(t, "code", icb.Code, "ICB "+icb.Code); err != nil {
		return err
	}
	r.icbs[icb.Code], r.icbsOf = icb, t.file
	r.change.ICBs = append(r.change.ICBs, icb)
	return nil
}

// subICBRow reads a sub-ICB location that changes: one row per destination ICB.
func (r *orgReader) subICBRow(t *table) error {
	for _, col := range []string{"old_icb_code", "old_sub_icb_code", "new_sub_icb_code"} {
		if err := orgCode(t, col); err != nil {
			return err
		}
	}
	c := workforce.SubICBChange{OldICBCode: t.get("old_icb_code"), OldSubICBCode: t.get("old_sub_icb_code"),
		New: workforce.SubICB{Code: t.get("new_sub_icb_code"), Name: t.get("new_sub_icb_name"), ICBCode: t.get("new_icb_code")}}
	if c.New.Name == "" {
		return t.fail("new_sub_icb_name", "is empty")
	}
	if err := r.placeSubICB(t); err != nil {
		return err
	}
	key := c.OldSubICBCode + "\x00" + c.New.ICBCode
	if err := r.unique(t, "new_icb_code", key, "sub-ICB location "+c.OldSubICBCode+"'s move to ICB "+c.New.ICBCode); err != nil {
		return err
	}
	r.change.SubICBs = append(r.change.SubICBs, c)
	return nil
}

// pcnRow reads a PCN's place from the day. old_icb_code may be empty (a PCN new on the
// day); when given it is checked for form only, as its ICB may be dissolved.
func (r *orgReader) pcnRow(t *table) error {
	p := workforce.PCNPlace{PCNCode: t.get("pcn_code"), PCNName: t.get("pcn_name"), OldICBCode: t.get("old_icb_code"),
		SubICBCode: t.get("new_sub_icb_code"), ICBCode: t.get("new_icb_code")}
	if !isPCNCode(p.PCNCode) {
		return t.fail("pcn_code", "expected a PCN code such as U60057 (U and 5 digits), found "+Quote(p.PCNCode))
	}
	if p.PCNName == "" {
		return t.fail("pcn_name", "is empty")
	}
	if p.OldICBCode != "" {
		if err := orgCode(t, "old_icb_code"); err != nil {
			return err
		}
	}
	if err := r.placeSubICB(t); err != nil {
		return err
	}
	if err := r.unique(t, "pcn_code", p.PCNCode, "PCN "+p.PCNCode); err != nil {
		return err
	}
	r.pcnsOf = t.file
	r.change.PCNs = append(r.change.PCNs, p)
	return nil
}

// practiceRow reads a practice's place from the day; a pcn_code of "" or "U" is a
// practice in no PCN.
func (r *orgReader) practiceRow(t *table) error {
	m := workforce.PracticeMembership{PracticeCode: t.get("practice_code"), PCNCode: t.get("pcn_code"),
		SubICBCode: t.get("new_sub_icb_code"), ICBCode: t.get("new_icb_code"), From: r.change.Effective}
	if _, err := practiceCode(t, "practice_code"); err != nil {
		return err
	}
	if m.PCNCode == "U" {
		m.PCNCode = ""
	}
	if err := r.practicePCN(t, m.PCNCode); err != nil {
		return err
	}
	if err := r.placeSubICB(t); err != nil {
		return err
	}
	if err := r.unique(t, "practice_code", m.PracticeCode, "practice "+m.PracticeCode); err != nil {
		return err
	}
	r.change.Practices = append(r.change.Practices, m)
	return nil
}

// practicePCN refuses a practice's PCN that the pcn_icb_ file does not list.
func (r *orgReader) practicePCN(t *table, pcn string) error {
	switch {
	case pcn == "":
		return nil
	case !isPCNCode(pcn):
		return t.fail("pcn_code", "expected a PCN code such as U60057 (U and 5 digits), or U or nothing for none, found "+Quote(pcn))
	}
	if _, listed := r.keys[r.pcnsOf][pcn]; !listed {
		return t.fail("pcn_code", "PCN "+pcn+" is not in "+r.pcnsOf)
	}
	return nil
}

// placeSubICB checks a row's new ICB (new_icb_code, and new_icb_name and
// new_icb_ons_code where the file has them) against icbs_, and that its new sub-ICB
// location is in that ICB in every row of every file.
func (r *orgReader) placeSubICB(t *table) error {
	if err := r.newICB(t); err != nil {
		return err
	}
	if err := orgCode(t, "new_sub_icb_code"); err != nil {
		return err
	}
	sub, icb := t.get("new_sub_icb_code"), t.get("new_icb_code")
	at, seen := r.subICBs[sub]
	switch {
	case !seen:
		r.subICBs[sub] = orgPlace{icb: icb, file: t.file, line: t.line}
	case at.icb != icb:
		return t.fail("new_icb_code", "is "+icb+", but "+at.file+" line "+strconv.Itoa(at.line)+
			" puts sub-ICB location "+sub+" in ICB "+at.icb+": a location is in one ICB")
	}
	return nil
}

// newICB refuses a new ICB that icbs_ does not list, an empty new_icb_name, and an
// ONS code that contradicts icbs_'s. The name is not compared: files spell it
// "Integrated Care Board" and "ICB", in capitals or not.
func (r *orgReader) newICB(t *table) error {
	code := t.get("new_icb_code")
	icb, ok := r.icbs[code]
	if !ok {
		if code == "" {
			return t.fail("new_icb_code", "is empty")
		}
		return t.fail("new_icb_code", "ICB "+Quote(code)+" is not in "+r.icbsOf+", the ICBs in force from the day")
	}
	if _, has := t.cols["NEW_ICB_NAME"]; has && t.get("new_icb_name") == "" {
		return t.fail("new_icb_name", "is empty")
	}
	if ons := t.get("new_icb_ons_code"); ons != "" && icb.ONSCode != "" && ons != icb.ONSCode {
		return t.fail("new_icb_ons_code", "is "+Quote(ons)+", but "+r.icbsOf+" gives ICB "+code+" the ONS code "+icb.ONSCode)
	}
	return nil
}
