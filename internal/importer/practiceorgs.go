package importer

import "strconv"

// orgColumns are the columns of one level of the hierarchy in the mapping file, and the
// shape of its ODS code.
type orgColumns struct {
	what, code, name, ons string
	example               string // an ODS code of the level, for messages
	minLen, maxLen        int    // of its ODS code
}

// The levels of the mapping file above the PCN.
var (
	regionColumns = orgColumns{"region", "COMM_REGION_CODE", "COMM_REGION_NAME", "ONS_COMM_REGION_CODE", "Y63", 3, 3}
	icbColumns    = orgColumns{"ICB", "ICB_CODE", "ICB_NAME", "ONS_ICB_CODE", "QWO", 3, 3}
	subICBColumns = orgColumns{"sub-ICB location", "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_NAME",
		"ONS_SUB_ICB_LOCATION_CODE", "03R or W2U3Z", 3, 5}
)

// org is one organisation as a row of the mapping file names it.
type org struct{ code, name, ons string }

// org reads one level of the row's hierarchy, and checks that its code carries the
// name, ONS code and parent (region of an ICB: "" for none) it had on earlier rows.
func (m *mapReader) org(c orgColumns, parent string) (org, error) {
	t := m.t
	o := org{code: t.get(c.code), name: t.get(c.name), ons: t.get(c.ons)}
	switch {
	case len(o.code) < c.minLen || len(o.code) > c.maxLen || !isUpperAlnum(o.code):
		return o, t.fail(c.code, "expected the ODS code of the "+c.what+" (such as "+c.example+"), found "+Quote(o.code))
	case !isONSCode(o.ons):
		return o, t.fail(c.ons, "expected an ONS code such as E38000190 (a capital and 8 digits), found "+Quote(o.ons))
	case o.name == "":
		return o, t.fail(c.name, "is empty")
	}
	subject := c.what + " " + o.code + "'s "
	if err := m.names.check(t, c.name, subject+"name", o.name); err != nil {
		return o, err
	}
	if err := m.names.check(t, c.ons, subject+"ONS code", o.ons); err != nil {
		return o, err
	}
	if parent == "" {
		return o, nil
	}
	return o, m.names.check(t, "COMM_REGION_CODE", subject+"region", parent)
}

// isONSCode says whether s looks like an ONS (GSS) code: a capital and 8 digits, as
// E38000190.
func isONSCode(s string) bool {
	return len(s) == 9 && s[0] >= 'A' && s[0] <= 'Z' && digitsOnly(s[1:])
}

// namings remembers what each organisation's code was first said to be (its name,
// ONS code, region), and on which line, so that a file contradicting itself is
// refused rather than one of its answers kept at random.
type namings map[string]naming

type naming struct {
	value string
	line  int
}

// check records subject's value, or refuses a value that differs from the first.
func (n namings) check(t *table, col, subject, value string) error {
	first, ok := n[subject]
	switch {
	case !ok:
		n[subject] = naming{value, t.line}
	case first.value != value:
		return t.fail(col, subject+" is "+Quote(value)+" here but "+Quote(first.value)+" on line "+
			strconv.Itoa(first.line)+"; a code names one organisation")
	}
	return nil
}
