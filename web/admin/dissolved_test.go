package admin

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// After a reorganisation hundreds of leads may hold grants on dissolved ICBs: the
// users page lists MaxDissolvedShown of them and says how many there are.
func TestDissolvedGrantsBounded(t *testing.T) {
	for _, n := range []int{3, MaxDissolvedShown, MaxDissolvedShown + 7} {
		gs := make([]DissolvedGrant, n)
		for i := range gs {
			gs[i] = DissolvedGrant{UserID: int64(i + 1), Name: "Lead " + strconv.Itoa(i), Email: "l" + strconv.Itoa(i) + "@example.nhs.uk", ICBCode: "QXX", ICBName: "NHS Gone ICB"}
		}
		var b strings.Builder
		if err := dissolvedGrants(gs).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := doc.Find(".nhsuk-card").Length(), min(n, MaxDissolvedShown); got != want {
			t.Errorf("%d grants: %d cards, want %d", n, got, want)
		}
		note := doc.Find(`[data-testid="dissolved-shown"]`).Text()
		if n > MaxDissolvedShown && !strings.Contains(note, "of "+strconv.Itoa(n)) {
			t.Errorf("%d grants: the note %q does not give the count", n, note)
		}
		if n <= MaxDissolvedShown && note != "" {
			t.Errorf("%d grants: a note %q with every grant shown", n, note)
		}
	}
}
