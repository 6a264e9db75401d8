package gaps

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The server's cache of gap reports keeps a report counting drafts (arrs report gaps
// --drafts) apart from the official one.
func TestDraftsHaveTheirOwnKey(t *testing.T) {
	t.Parallel()
	o := Options{Today: workforce.Date(2026, time.March, 15)}
	d := o
	d.Drafts = true
	if o.Key() == d.Key() {
		t.Errorf("one key for the official report and the drafts': %s", o.Key())
	}
}

// Fair shares on need are cached apart from those on list sizes; no denominator is list.
func TestDenominatorIsInTheKey(t *testing.T) {
	t.Parallel()
	o := Options{Today: workforce.Date(2026, time.March, 15)}
	l, n := o, o
	l.Denominator, n.Denominator = need.List, need.Need
	if o.Key() != l.Key() || o.Key() == n.Key() {
		t.Errorf("keys: none %s, list %s, need %s", o.Key(), l.Key(), n.Key())
	}
}
