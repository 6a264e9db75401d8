package ui

import (
	"testing"

	"github.com/a-h/templ"
)

func TestTagFixtures(t *testing.T) {
	assertFixture(t, "tag", "default", 0, render(t, Tag(TagParams{Text: "Active"})))
	assertFixture(t, "tag", "default", 2, render(t, Tag(TagParams{Text: "Inactive", Colour: TagGrey})))
	assertFixture(t, "tag", "without border", 3, render(t, Tag(TagParams{Text: "New", Colour: TagGreen, NoBorder: true})))
}

func TestInsetTextFixtures(t *testing.T) {
	assertFixture(t, "inset-text", "default", 0, render(t, InsetText(InsetTextParams{
		Text: "You can report any suspected side effect using the Yellow Card safety scheme",
	})))
	html := templ.Raw(`<p>You can report any suspected side effect using the <a href="#">Yellow Card safety scheme</a>.</p>`)
	assertFixture(t, "inset-text", "with HTML", 0, renderWith(t, InsetText(InsetTextParams{}), html))
}

func TestWarningCalloutFixtures(t *testing.T) {
	assertFixture(t, "warning-callout", "default", 0, render(t, WarningCallout(WarningCalloutParams{
		Text: "For safety, tell your doctor or pharmacist if you're taking any other medicines, including herbal medicines, vitamins or supplements.",
	})))
	assertFixture(t, "warning-callout", "with custom heading", 0, render(t, WarningCallout(WarningCalloutParams{
		Heading: "School, nursery or work",
		Text:    "Stay away from school, nursery or work until all the spots have crusted over. This is usually 5 days after the spots first appeared.",
	})))
}

func TestNotificationBannerFixtures(t *testing.T) {
	assertFixture(t, "notification-banner", "default", 0, render(t, NotificationBanner(NotificationBannerParams{
		Text: "The patient record was updated.",
	})))
	assertFixture(t, "notification-banner", "with success variant", 0, render(t, NotificationBanner(NotificationBannerParams{
		Success: true, Text: "Email sent to example@email.com",
	})))
	list := templ.Raw(`<ul class="nhsuk-list">
  <li><a href="link-1" class="nhsuk-notification-banner__link">government-strategy.pdf</a></li>
  <li><a href="link-2" class="nhsuk-notification-banner__link">government-strategy-v1.pdf</a></li>
</ul>`)
	assertFixture(t, "notification-banner", "success with HTML", 0, renderWith(t,
		NotificationBanner(NotificationBannerParams{Success: true, Heading: "4 files uploaded"}), list))
}

func TestCardFixtures(t *testing.T) {
	const description = "A quick guide for people who have care and support needs and their carers"
	assertFixture(t, "card", "basic with heading link", 0, render(t, Card(CardParams{
		Href: "#", Heading: "Introduction to care and support", HeadingSize: SizeM, HeadingLevel: 3, Description: description,
	})))
	assertFixture(t, "card", "clickable", 0, render(t, Card(CardParams{
		Href: "#", Heading: "Introduction to care and support", HeadingSize: SizeM, Description: description, Clickable: true,
	})))
	assertFixture(t, "card", "basic without heading", 0, render(t, Card(CardParams{Description: description})))
	assertFixture(t, "card", "feature", 0, render(t, Card(CardParams{
		Feature: true, Heading: "Feature card heading", Description: "Feature card description.",
	})))
	assertFixture(t, "card", "default", 0, renderWith(t, Card(CardParams{Heading: "If you need help now, but it's not an emergency"}),
		templ.Raw(`<p class="nhsuk-card__description">Go to <a href="#">NHS 111 online</a> or <a href="#">call 111</a>.</p>`)))
}
