package need

// Flag is where a ratio lies against its 99.8% limits, as the comparison and its files
// say it.
type Flag string

// The flags: none without a ratio (no expected FTE, or before the data start); below or
// above when outside the 99.8% limits (Limits.Outside998, the test the funnel shows), on
// the side the ratio lies; else within.
const (
	FlagNone   Flag = ""
	FlagBelow  Flag = "below"
	FlagAbove  Flag = "above"
	FlagWithin Flag = "within"
)
