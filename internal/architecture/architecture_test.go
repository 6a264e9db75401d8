package architecture

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/arrs-planner/arrs/"

// root is the module's directory, two levels above this package.
var root = filepath.Join("..", "..")

// pkg is one package of the module as its non-test files import it.
type pkg struct {
	path    string // relative to the module, e.g. "internal/server"
	imports map[string][]string
	files   []*ast.File
	fset    *token.FileSet
}

// load parses every non-test, non-generated Go file under cmd, internal and web.
func load(t *testing.T) map[string]*pkg {
	t.Helper()
	pkgs := map[string]*pkg{}
	fset := token.NewFileSet()
	for _, top := range []string{"cmd", "internal", "web"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			rel = filepath.ToSlash(rel)
			p := pkgs[rel]
			if p == nil {
				p = &pkg{path: rel, imports: map[string][]string{}, fset: fset}
				pkgs[rel] = p
			}
			p.files = append(p.files, f)
			for _, imp := range f.Imports {
				ip, _ := strconv.Unquote(imp.Path.Value)
				p.imports[ip] = append(p.imports[ip], filepath.Base(path))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if pkgs["internal/server"] == nil || pkgs["internal/workforce"] == nil {
		t.Fatalf("found %d packages but not internal/server and internal/workforce: wrong root?", len(pkgs))
	}
	return pkgs
}

// layer ranks a package of the module: an import must go to a lower layer, or across
// the domain layer.
func layer(path string) int {
	switch {
	case strings.HasPrefix(path, "cmd/"):
		return 4
	case path == "internal/server":
		return 3
	case path == "internal/workforce":
		return 1
	}
	return 2 // the domain packages and the screens under web/
}

// testSupport are packages that only tests import.
var testSupport = []string{"internal/dbtest", "internal/browser", "internal/architecture", "internal/sheettest"}

func TestImportsFlowOneWay(t *testing.T) {
	for _, p := range load(t) {
		for ip, files := range p.imports {
			if !strings.HasPrefix(ip, module) {
				continue
			}
			to := strings.TrimPrefix(ip, module)
			if slices.Contains(testSupport, to) {
				t.Errorf("%s imports %s, which only tests may import (%v)", p.path, to, files)
			}
			if layer(to) > layer(p.path) || (layer(to) == layer(p.path) && layer(to) != 2) {
				t.Errorf("%s imports %s (%v): against cmd → server → {domain, web} → workforce", p.path, to, files)
			}
		}
	}
}

// allowed lists, for packages with a narrower rule than their layer, the only module
// packages (by prefix) they may import.
var allowed = map[string][]string{
	// The domain is the standard library only.
	"internal/workforce": {},
	// Planning is pure: inputs in, results out (STYLE.md).
	"internal/planning": {"internal/workforce"},
	// The store never computes with planning or reaches up into files or HTTP.
	"internal/store": {"internal/workforce", "internal/auth", "internal/refdata", "migrations"},
	// A plan laid out as the planning template is values only: the screens print it.
	"internal/plansheet": {"internal/workforce"},
	// Need and the fair comparison on it are pure (docs/need.md).
	"internal/need": {"internal/workforce"},
	// The integration rules and the pulse's suppression are pure (docs/integration.md).
	"internal/integration": {"internal/workforce"},
	"internal/pulse":       {"internal/workforce"},
}

// screensMayImport is what the packages under web/ may import besides each other: the
// domain and the pure results of planning, never the store or anything that reads it,
// so that no template can reach the database.
var screensMayImport = []string{"internal/workforce", "internal/planning", "internal/plansheet", "internal/need",
	"internal/integration", "internal/pulse"}

func TestNarrowerRules(t *testing.T) {
	pkgs := load(t)
	for path, ok := range allowed {
		p := pkgs[path]
		if p == nil {
			t.Fatalf("no package %s", path)
		}
		for ip, files := range p.imports {
			if !strings.HasPrefix(ip, module) {
				if path == "internal/workforce" && strings.Contains(ip, ".") {
					t.Errorf("%s imports %s (%v): the domain uses the standard library only", path, ip, files)
				}
				continue
			}
			to := strings.TrimPrefix(ip, module)
			if !slices.Contains(ok, to) {
				t.Errorf("%s imports %s (%v); it may import only %v", path, to, files, ok)
			}
		}
	}
	for _, p := range pkgs {
		if !strings.HasPrefix(p.path, "web") {
			continue
		}
		for ip := range p.imports {
			to := strings.TrimPrefix(ip, module)
			if strings.HasPrefix(ip, module) && !strings.HasPrefix(to, "web") && !slices.Contains(screensMayImport, to) {
				t.Errorf("%s imports %s: screens build view models from domain values and pure results only", p.path, to)
			}
		}
	}
}

// sql finds statements in string literals: what a handler must leave to the store. The
// keywords are upper case, as every statement here is written, so that prose such as
// "Select a band from the list" is not taken for SQL.
var sql = regexp.MustCompile(`(?s)\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|ALTER\s+TABLE|WITH\s+\w+\s+AS)\b`)

func TestServerSpeaksHTTPOnly(t *testing.T) {
	server := load(t)["internal/server"]
	for ip, files := range server.imports {
		for _, banned := range []string{excelize, "github.com/jackc/pgx", "encoding/csv", "database/sql"} {
			if strings.HasPrefix(ip, banned) {
				t.Errorf("internal/server imports %s (%v): files are read in internal/importer and written in internal/report, SQL lives in internal/store", ip, files)
			}
		}
	}
	for ip, files := range testImports(t, "internal/server") {
		if strings.HasPrefix(ip, excelize) {
			t.Errorf("internal/server's tests import %s (%v): they open and build workbooks with internal/sheettest", ip, files)
		}
	}
	for _, f := range server.files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if ok && lit.Kind == token.STRING && sql.MatchString(lit.Value) {
				t.Errorf("%s: SQL in the server: %.60s", server.fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
	}
}

// excelize is the workbook library, which only the packages that read and write files
// (and internal/sheettest, for tests) import.
const excelize = "github.com/xuri/excelize"

// testImports are the imports of a package's _test.go files (which load leaves out), with
// the files that import each.
func testImports(t *testing.T, dir string) map[string][]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(root, dir, "*_test.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no tests in %s: %v", dir, err)
	}
	imports := map[string][]string{}
	fset := token.NewFileSet()
	for _, path := range paths {
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			imports[ip] = append(imports[ip], filepath.Base(path))
		}
	}
	return imports
}

// TestSQLPatternFindsSQL keeps the SQL check able to fail.
func TestSQLPatternFindsSQL(t *testing.T) {
	for _, s := range []string{"SELECT id FROM staff", "\n\t\tINSERT INTO plans (x) VALUES (1)", "UPDATE plans SET version = 1", "DELETE FROM sites"} {
		if !sql.MatchString(s) {
			t.Errorf("the SQL check misses %q", s)
		}
	}
	for _, s := range []string{"Select the role", "Select a band from the list", "Delete this site?", "Update the plan"} {
		if sql.MatchString(s) {
			t.Errorf("the SQL check flags prose %q", s)
		}
	}
}

// TestLayerRanks keeps the direction check able to fail.
func TestLayerRanks(t *testing.T) {
	if !(layer("cmd/arrs") > layer("internal/server") && layer("internal/server") > layer("internal/store") &&
		layer("internal/store") > layer("internal/workforce") && layer("web/plan") == layer("internal/gaps")) {
		t.Fatal("layers out of order")
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("root %s is not the module: %v", root, err)
	}
}

// maxServerShare is issue 10's bar: the HTTP layer is at most a fifth of the
// hand-written Go, so that what the product knows lives where it can be found.
const maxServerShare = 0.20

func TestServerIsASmallShare(t *testing.T) {
	var server, all int
	for _, p := range load(t) {
		for _, f := range p.files {
			name := p.fset.Position(f.Pos()).Filename
			if strings.HasSuffix(name, "_templ.go") {
				continue
			}
			lines := p.fset.File(f.Pos()).LineCount()
			all += lines
			if p.path == "internal/server" {
				server += lines
			}
		}
	}
	if share := float64(server) / float64(all); share > maxServerShare {
		t.Errorf("internal/server holds %d of %d lines of hand-written Go (%.1f%%), more than %.0f%%", server, all, 100*share, 100*maxServerShare)
	} else {
		t.Logf("internal/server holds %d of %d lines (%.1f%%)", server, all, 100*share)
	}
}
