package rooms

import (
	"net/url"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestSiteFormRead(t *testing.T) {
	others := []workforce.Site{{ID: 1, Name: "High Street Surgery"}, {ID: 2, Name: "Riverside"}}
	var f SiteForm
	site := f.Read(url.Values{"name": {" high street surgery "}, "sessions": {"10.256"}}, workforce.Site{PCNCode: "U12345"}, others)
	if f.Errors["name"] != "There is already a site called High Street Surgery: give this one another name" || site.SessionsPerWeek != 10.26 {
		t.Errorf("errors %v, site %+v", f.Errors, site)
	}
	f = SiteForm{Version: 3}
	site = f.Read(url.Values{"name": {"Riverside"}, "sessions": {"8"}}, others[1], others)
	if len(f.Errors) != 0 || site.ID != 2 || site.Version != 3 {
		t.Errorf("a site's own name refused: errors %v, site %+v", f.Errors, site)
	}
	if got := SiteFormOf(site); got.Sessions != "8" || got.Name != "Riverside" {
		t.Errorf("SiteFormOf = %+v", got)
	}
}
