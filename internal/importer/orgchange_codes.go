package importer

// The forms of the codes of an organisations change. ODS gives ICBs and sub-ICB
// locations 3 characters (QNQ, 06H) until 2026, and 5 since (S9B9J, U2G6B).

// orgCode refuses a column that is not an ICB or sub-ICB location's ODS code.
func orgCode(t *table, col string) error {
	switch v := t.get(col); {
	case v == "":
		return t.fail(col, "is empty")
	case !isOrgCode(v):
		return t.fail(col, "expected an ODS code of 3 or 5 capital letters and digits (such as QNQ or S9B9J), found "+Quote(v))
	}
	return nil
}

// isOrgCode says whether s is 3 or 5 capital letters and digits.
func isOrgCode(s string) bool {
	return (len(s) == 3 || len(s) == 5) && isUpperAlnum(s)
}

// isRegionCode says whether s is an NHS England region's ODS code: Y and 2 digits.
func isRegionCode(s string) bool {
	return len(s) == 3 && s[0] == 'Y' && digitsOnly(s[1:])
}

// isICBONSCode says whether s is an ICB's ONS code: E54 and 6 digits.
func isICBONSCode(s string) bool {
	return len(s) == 9 && s[:3] == "E54" && digitsOnly(s[3:])
}
