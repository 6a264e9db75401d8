package server

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// withPlaceOf gives a sample row the sub-ICB location, ICB and region columns of
// another row.
func withPlaceOf(t *testing.T, row, other string) string {
	t.Helper()
	r, err := csv.NewReader(strings.NewReader(row)).Read()
	if err != nil {
		t.Fatal(err)
	}
	o, err := csv.NewReader(strings.NewReader(other)).Read()
	if err != nil {
		t.Fatal(err)
	}
	copy(r[5:11], o[5:11]) // SUB_ICB_CODE … COMM_REGION_NAME
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(r)
	w.Flush()
	return strings.TrimSpace(b.String())
}

// A national census that places a PCN in another ICB than the structure of its day
// says so in the upload summary, naming the PCN, both ICBs and the day.
func TestNWRSUploadSummaryNamesMovedPCNs(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	admin := client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	header, qoc := nwrsRows(t, "QOC", "2025,11")
	_, qsl := nwrsRows(t, "QSL", "2025,11")
	if code, body := upload(t, admin, ts.URL+"/imports/nwrs", "nov.csv", nwrsFile(header, qsl, qoc)); code != http.StatusSeeOther {
		t.Fatalf("November: %d %s", code, body)
	}
	_, qocDec := nwrsRows(t, "QOC", "2025,12")
	_, qslDec := nwrsRows(t, "QSL", "2025,12")
	moving := pcnOf(qocDec[0])
	for i, r := range qocDec {
		if pcnOf(r) == moving {
			qocDec[i] = withPlaceOf(t, r, qslDec[0])
		}
	}
	if code, body := upload(t, admin, ts.URL+"/imports/nwrs", "dec.csv", nwrsFile(header, qslDec, qocDec)); code != http.StatusSeeOther {
		t.Fatalf("December: %d %s", code, body)
	}
	res, err := admin.Get(ts.URL + "/imports")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if want := "PCN " + moving + " moved from ICB QOC to QSL from 31 December 2025."; !strings.Contains(string(page), want) {
		t.Errorf("the summary does not say %q", want)
	}
}
