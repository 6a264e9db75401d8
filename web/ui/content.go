package ui

import (
	"strconv"
	"strings"
)

// TagParams configures a tag, a short status label.
type TagParams struct {
	Text     string
	Colour   TagColour // the default is NHS blue
	NoBorder bool
}

// TagColour is one of the NHS tag colours.
type TagColour string

// The tag colours the NHS.UK frontend styles.
const (
	TagWhite     TagColour = "white"
	TagGrey      TagColour = "grey"
	TagGreen     TagColour = "green"
	TagAquaGreen TagColour = "aqua-green"
	TagBlue      TagColour = "blue"
	TagPurple    TagColour = "purple"
	TagPink      TagColour = "pink"
	TagRed       TagColour = "red"
	TagOrange    TagColour = "orange"
	TagYellow    TagColour = "yellow"
)

func (p TagParams) class() string {
	return classes("nhsuk-tag", modifier("nhsuk-tag", string(p.Colour)), when(p.NoBorder, "nhsuk-tag--no-border"))
}

// InsetTextParams configures inset text. Children, if any, follow Text.
type InsetTextParams struct {
	Text string
}

// WarningCalloutParams configures a warning callout. Children, if any, follow Text.
type WarningCalloutParams struct {
	Heading      string // defaults to "Important"
	HeadingLevel int    // defaults to 3
	Text         string
}

func (p WarningCalloutParams) heading() string {
	return orDefault(p.Heading, "Important")
}

// hiddenPrefix is read before a heading that does not itself say "important", so
// screen reader users hear why the callout stands out.
func (p WarningCalloutParams) hiddenPrefix() string {
	if strings.Contains(strings.ToLower(p.heading()), "important") {
		return ""
	}
	return "Important"
}

// NotificationBannerParams configures a notification banner. Children, if any,
// follow Text.
type NotificationBannerParams struct {
	// Success is for the outcome of the user's last action ("Plan saved"): it is
	// green and announced at once (role="alert"). Otherwise it is a blue "Important"
	// region.
	Success bool
	Title   string // defaults to "Success" or "Important"
	TitleID string // defaults to "nhsuk-notification-banner-title"
	Heading string
	Text    string
}

func (p NotificationBannerParams) class() string {
	return classes("nhsuk-notification-banner", when(p.Success, "nhsuk-notification-banner--success"))
}

func (p NotificationBannerParams) role() string {
	if p.Success {
		return "alert"
	}
	return "region"
}

func (p NotificationBannerParams) title() string {
	if p.Title != "" {
		return p.Title
	}
	if p.Success {
		return "Success"
	}
	return "Important"
}

func (p NotificationBannerParams) titleID() string {
	return orDefault(p.TitleID, "nhsuk-notification-banner-title")
}

// CardParams configures a basic card. Children, if any, follow Description.
type CardParams struct {
	Heading      string
	HeadingLevel int // defaults to 2
	HeadingSize  Size
	// Href links the heading; with Clickable the whole card is the link's target.
	Href        string
	Clickable   bool
	Feature     bool
	Description string
	// TestID sets data-testid on the card, an addition to the NHS markup for tests.
	TestID string
}

func (p CardParams) class() string {
	return classes("nhsuk-card", when(p.Clickable, "nhsuk-card--clickable"), when(p.Feature, "nhsuk-card--feature"))
}

// headingTag returns "h1"…"h6", defaulting to def.
func headingTag(level, def int) string {
	if level < 1 || level > 6 {
		level = def
	}
	return "h" + strconv.Itoa(level)
}
