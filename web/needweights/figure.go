package needweights

import (
	"regexp"
	"strconv"
	"strings"
)

// The bounds of a weight or factor an admin may enter, as migration 000019's columns
// hold them (numeric(8, 4), above 0 and at most 100): the published rate ratios have 2
// decimal places and their products for women 4 (1.88 × 1.21 = 2.2748). Weights are
// relative, so 100 is far beyond any published ratio: anything above is a typing slip.
const (
	FigurePlaces = 4
	MaxFigure    = 100
)

// figurePattern is a plain decimal: digits, a point and up to FigurePlaces decimals,
// the digits before the point optional (".5" is 0.5); a minus sign is read so that a
// negative figure gets the range's message. No plus sign, exponent, hexadecimal, NaN,
// infinity or thousands separator (strconv alone would take "1e1", "0x1p3" and "NaN").
var figurePattern = regexp.MustCompile(`^-?([0-9]{1,3}(\.[0-9]{1,4})?|\.[0-9]{1,4})$`)

// figureProblem is what is wrong with a typed weight or factor, "" when it can be
// used: what names it ("the weight for men aged 0–4") begins the message.
func figureProblem(typed, what string) string {
	switch {
	case typed == "":
		return "Enter " + what
	case !figurePattern.MatchString(typed):
		return upperFirst(what) + " must be a number such as 1.21, with up to " + strconv.Itoa(FigurePlaces) + " decimal places"
	}
	x, _ := strconv.ParseFloat(typed, 64)
	if !(x > 0 && x <= MaxFigure) {
		return upperFirst(what) + " must be more than 0 and at most " + strconv.Itoa(MaxFigure)
	}
	return ""
}

// readFigure reads a weight or factor as typed (spaces around it dropped), putting
// what is wrong with it in errs[key].
func readFigure(typed, key, what string, errs map[string]string) float64 {
	if msg := figureProblem(typed, what); msg != "" {
		errs[key] = msg
		return 0
	}
	x, _ := strconv.ParseFloat(typed, 64)
	return x
}

// FigureText shows a stored weight or factor as the form shows it: its decimals, no more.
func FigureText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
