package server

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// Ending a staff record is confirmed on its own page, which says what ending does
// before the person presses the button, and offers a way back.
func TestStaffEndSaysWhatHappens(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	path := "/pcns/U60057/staff/" + strconv.FormatInt(firstStaffID(t, e.db, "U60057"), 10) + "/end"
	status, doc := e.page("manager", path)
	if status != http.StatusOK {
		t.Fatalf("%s: %d", path, status)
	}
	if got := testID(doc, "end-happens"); !strings.Contains(got, "no longer in post") || !strings.Contains(got, "history are kept") {
		t.Errorf("what ending does: %q", got)
	}
	if doc.Find(`form[data-testid="end-form"][method="post"]`).AttrOr("action", "") != path || doc.Find(`a[data-testid="cancel"]`).AttrOr("href", "") != "/pcns/U60057/staff" {
		t.Error("the page has no form that ends the record, or no way back")
	}
}
