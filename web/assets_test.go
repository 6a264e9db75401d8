package web

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A build without the fetched NHS.UK frontend fails at the embed, whose comment says
// to run `make build`, instead of producing a binary that serves unstyled pages. The
// files are hidden with an overlay, so the tree itself is left alone.
func TestBuildWithoutFrontendFails(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	hide := map[string]string{}
	for _, f := range []string{"nhsuk-frontend.min.css", "nhsuk-frontend.min.js"} {
		hide[filepath.Join(dir, "static", "nhsuk", f)] = ""
	}
	overlay, _ := json.Marshal(map[string]any{"Replace": hide})
	path := filepath.Join(t.TempDir(), "overlay.json")
	if err := os.WriteFile(path, overlay, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(gobin, "build", "-overlay", path, ".").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "assets.go") || !strings.Contains(string(out), "static/nhsuk/nhsuk-frontend.min.css: no matching files found") {
		t.Fatalf("go build without the frontend: %v\n%s", err, out)
	}
	src, err := os.ReadFile("assets.go")
	if err != nil || !strings.Contains(string(src), "RUN `make build`") {
		t.Errorf("the embed's comment does not say to run make build")
	}
}
