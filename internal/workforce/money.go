package workforce

import (
	"regexp"
	"strconv"
	"strings"
)

// Pence is an amount of money in whole pence. Money is held in pence everywhere so that
// sums are exact; it becomes pounds only when written, by one of the methods below,
// one for each way the pages and files write it.
type Pence int64

// String writes the amount in pounds and pence with thousands separators, as a page
// shows it: "£38,666.67", a minus sign before the pound sign when negative ("−£1.50").
// Amounts are whole pence, so nothing is rounded.
func (p Pence) String() string {
	sign, p := p.sign("−")
	return sign + "£" + Thousands(strconv.FormatInt(int64(p/100), 10)) + "." + twoDigits(p%100)
}

// Short is String without the pence when there are none ("£66,972", "£66,972.50"), for
// amounts usually set in whole pounds, such as caps and annual costs.
func (p Pence) Short() string {
	s := p.String()
	if p%100 == 0 {
		return s[:len(s)-3]
	}
	return s
}

// Whole writes the amount rounded to whole pounds, half away from zero ("£1,235" for
// 123450p, "−£1,235" for −123450p), for figures where pence would be noise, such as a
// table of headroom or the bounds of a range in a message.
func (p Pence) Whole() string {
	sign, p := p.sign("−")
	pounds := (p + 50) / 100
	if pounds == 0 {
		sign = "" // a loss of under 50p rounds to nothing, which has no sign
	}
	return sign + "£" + Thousands(strconv.FormatInt(int64(pounds), 10))
}

// Input writes the amount as a form's input shows it for editing, in plain pounds with
// pence only when there are any: "66972", "66972.50". ParsePounds reads it back.
func (p Pence) Input() string {
	sign, p := p.sign("-")
	s := sign + strconv.FormatInt(int64(p/100), 10)
	if p%100 != 0 {
		s += "." + twoDigits(p%100)
	}
	return s
}

// Decimal writes the amount as pounds with two decimals and no separators, as a CSV
// cell: "1234.56", "-1.50". A spreadsheet reads it as a number.
func (p Pence) Decimal() string {
	sign, p := p.sign("-")
	return sign + strconv.FormatInt(int64(p/100), 10) + "." + twoDigits(p%100)
}

// Pounds is the amount in pounds as a number, for a chart's scale or a spreadsheet
// cell; only written text needs to be exact.
func (p Pence) Pounds() float64 { return float64(p) / 100 }

// sign splits the amount into the given minus sign (or "") and its size.
func (p Pence) sign(minus string) (string, Pence) {
	if p < 0 {
		return minus, -p
	}
	return "", p
}

// twoDigits writes 0 to 99 pence as two digits.
func twoDigits(p Pence) string {
	s := strconv.FormatInt(int64(p), 10)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

// Thousands puts a comma between each group of three digits of a run of digits
// ("1234567" → "1,234,567"), as pages, files and messages write every large number.
func Thousands(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// PlainPounds strips what people type around an amount in pounds (a £ sign, thousands
// separators, spaces), leaving the plain pounds ParsePounds reads: a form takes
// "£45,000" as a plan file takes 45000.
func PlainPounds(typed string) string {
	return strings.NewReplacer("£", "", ",", "", " ", "").Replace(typed)
}

// poundsPattern is a plain amount in pounds: digits with an optional decimal part.
var poundsPattern = regexp.MustCompile(`^([0-9]+)(?:\.([0-9]*))?$|^\.([0-9]+)$`)

// ParsePounds reads an amount in pounds as pence, by the rule of a plan file's
// annual_cost_gbp: digits with an optional decimal part, no sign or separators,
// fractions of a penny rounded half away from zero on the decimal digits as written
// (never through binary floating point). ok is false for anything else, or for an
// amount too large to hold. Forms use it so that a cost typed on a page and the same
// cost in a file come to the same pence.
func ParsePounds(s string) (pence Pence, ok bool) {
	m := poundsPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	return penceOf(m[1], m[2]+m[3])
}

// IsPounds reports whether s is written as ParsePounds reads it, whatever its size, so
// that a reader can tell an amount too large to hold from text that is not an amount.
func IsPounds(s string) bool { return poundsPattern.MatchString(s) }

// penceOf turns the digits of pounds and of their decimal part into pence, rounding
// half away from zero on the third decimal; ok is false when the pounds have more
// digits than an int64 of pence can hold safely.
func penceOf(whole, frac string) (pence Pence, ok bool) {
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 15 {
		return 0, false
	}
	frac += "000"
	pounds, _ := strconv.ParseInt("0"+whole, 10, 64)
	p, _ := strconv.ParseInt(frac[:2], 10, 64)
	if frac[2] >= '5' {
		p++
	}
	return Pence(pounds*100 + p), true
}
