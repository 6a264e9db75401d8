package ui

import "strconv"

// Money renders an amount in pence as pounds and pence with thousands separators
// ("£38,666.67"), a minus sign before the pound sign when negative ("−£1.50"). Amounts
// are whole pence, so nothing is rounded.
func Money(pence int64) string {
	sign := ""
	if pence < 0 {
		sign, pence = "−", -pence
	}
	p := strconv.FormatInt(pence%100, 10)
	if len(p) < 2 {
		p = "0" + p
	}
	return sign + "£" + group(strconv.FormatInt(pence/100, 10)) + "." + p
}

// MoneyWhole is Money without the pence when there are none ("£66,972"), for amounts
// usually set in whole pounds, such as role caps.
func MoneyWhole(pence int64) string {
	s := Money(pence)
	if pence%100 == 0 {
		return s[:len(s)-3]
	}
	return s
}
