package server

import (
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	s := gapServer(t)
	for name, path := range map[string]string{"gaps": "/gaps?deadline=2027-03-31", "gaps0": "/gaps", "icb": "/gaps/icbs/QOC?deadline=2027-03-31", "pcn": "/pcns/U60057?deadline=2027-03-31", "err": "/gaps?attrition=abc"} {
		os.WriteFile("/tmp/dump-"+name+".html", gapFetch(s, path).Body.Bytes(), 0o644)
	}
}
