package main

import (
	"maps"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/config"
)

// There is no Docker engine where the tests run, so docker-compose.yml and
// deploy/Caddyfile are checked by reading them: the services are there, the proxy
// sends to every app instance on the port it serves, checks a route that exists, and
// writes no access log, and each instance's settings are ones the app reads and
// accepts.
func TestComposeAndCaddyfileAgree(t *testing.T) {
	compose := readYAMLKeys(t, "../../docker-compose.yml")
	for _, s := range []string{"db", "migrate", "app1", "app2", "proxy"} {
		if !compose.has("services." + s) {
			t.Errorf("docker-compose.yml has no service %s", s)
		}
	}
	apps := compose.servingApps()
	if !slices.Equal(apps, []string{"app1", "app2"}) {
		t.Errorf("the services running `arrs serve`: %v, want app1 and app2", apps)
	}
	var ports []string
	for _, a := range apps {
		ports = append(ports, checkApp(t, compose, a))
	}
	checkMigrate(t, compose)
	if got := compose.get("services.proxy.image"); got != "caddy:2" {
		t.Errorf("proxy image %q, want caddy:2", got)
	}
	if got := compose.get("services.proxy.ports[]"); got != `"8080:80"` {
		t.Errorf("proxy ports %q, want 8080 published to the proxy's 80", got)
	}
	if got := compose.get("services.proxy.volumes[]"); !strings.HasPrefix(got, "./deploy/Caddyfile:/etc/caddy/Caddyfile") {
		t.Errorf("proxy volume %q, want deploy/Caddyfile as its configuration", got)
	}

	caddy := readCaddyfile(t, "../../deploy/Caddyfile")
	if caddy.site != ":80" {
		t.Errorf("the Caddyfile's site %q, want :80 (the port compose publishes)", caddy.site)
	}
	var want []string
	for i, a := range apps {
		want = append(want, a+":"+ports[i])
	}
	if !slices.Equal(caddy.upstreams, want) {
		t.Errorf("reverse_proxy sends to %v, want every app instance on the port it serves: %v", caddy.upstreams, want)
	}
	if p := caddy.options["lb_policy"]; p != "round_robin" {
		t.Errorf("lb_policy %q, want round_robin", p)
	}
	if h := caddy.options["health_uri"]; h == "" || !isRoute(t, h) {
		t.Errorf("health_uri %q is not a route of the app (internal/server/routes.go)", h)
	}
	if caddy.logs {
		t.Error("the Caddyfile has a log directive: an access log would keep each pulse link's single-use token (docs/operations.md)")
	}
}

// checkApp checks an app instance's service and returns the port it serves on.
func checkApp(t *testing.T, c yamlKeys, svc string) string {
	t.Helper()
	p := "services." + svc + "."
	if got := c.get(p + "depends_on.migrate.condition"); got != "service_completed_successfully" {
		t.Errorf("%s starts on migrate %q, want service_completed_successfully (the one-shot migration first)", svc, got)
	}
	if c.has(p + "ports") {
		t.Errorf("%s publishes a port: every request should come through the proxy", svc)
	}
	env := c.env(svc)
	if env["ARRS_PROXY_HEADER"] != "X-Forwarded-For" {
		t.Errorf("%s: ARRS_PROXY_HEADER %q, want X-Forwarded-For (or every person shares the proxy's address for the sign-in throttle)", svc, env["ARRS_PROXY_HEADER"])
	}
	if env["ARRS_PUBLIC_URL"] == "" {
		t.Errorf("%s: no ARRS_PUBLIC_URL", svc)
	}
	// Every variable set is one the app reads, and the app accepts the settings.
	read := map[string]bool{}
	cfg, err := config.FromEnv(func(k string) string { read[k] = true; return env[k] })
	if err != nil {
		t.Errorf("%s: the app refuses its settings: %v", svc, err)
	}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if !read[k] {
			t.Errorf("%s sets %s, which the app does not read (internal/config)", svc, k)
		}
	}
	_, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil || port == "" {
		t.Errorf("%s: ADDR %q has no port", svc, cfg.Addr)
	}
	return port
}

// checkMigrate checks that the migration and the seed run once, in their own service.
func checkMigrate(t *testing.T, c yamlKeys) {
	t.Helper()
	cmd := c.command("migrate")
	if !strings.Contains(cmd, "arrs migrate up") || !strings.Contains(cmd, "arrs seed") || strings.Contains(cmd, "serve") {
		t.Errorf("the migrate service runs %q, want `arrs migrate up` and a seed, and no server", cmd)
	}
	if got := c.get("services.migrate.restart"); got != `"no"` {
		t.Errorf("migrate restart %q, want \"no\": it runs once", got)
	}
	for _, a := range []string{"app1", "app2"} {
		if cmd := c.command(a); strings.Contains(cmd, "migrate") || strings.Contains(cmd, "seed") {
			t.Errorf("%s runs %q: only the migrate service migrates and seeds (two seeds at once are not safe)", a, cmd)
		}
	}
}

// isRoute reports whether the app registers a GET route at path: internal/server's
// route table is read as text, since building the server needs a database.
func isRoute(t *testing.T, path string) bool {
	t.Helper()
	src, err := os.ReadFile("../../internal/server/routes.go")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(src), `g.get("`+path+`",`)
}

// yamlKeys is a YAML file as far as the compose file needs: each scalar by its dotted
// path ("services.db.image"), a list's items joined under "path[]", and a merge key
// ("<<: *app") followed to its anchor. Enough for the compose file, not for YAML.
type yamlKeys struct {
	values  map[string]string
	anchors map[string]string // anchor name → the path it marks
}

var yamlLine = regexp.MustCompile(`^( *)(- )?([^:#]*?):?(?: (.*))?$`)

func readYAMLKeys(t *testing.T, name string) yamlKeys {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	y := yamlKeys{values: map[string]string{}, anchors: map[string]string{}}
	type level struct {
		indent int
		path   string
	}
	var stack []level
	var block string // the path of a folded scalar (">-") being read
	blockIndent := 0
	for line := range strings.Lines(string(b)) {
		line = strings.TrimRight(line, "\n")
		trimmed := strings.TrimSpace(line)
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if block != "" && (trimmed == "" || indent > blockIndent) {
			y.values[block] = strings.TrimSpace(y.values[block] + " " + trimmed)
			continue
		}
		block = ""
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1].path + "."
		}
		if strings.HasPrefix(trimmed, "- ") { // a list item
			item := strings.TrimSpace(strings.TrimPrefix(trimmed, "- "))
			key := strings.TrimSuffix(parent, ".") + "[]"
			if item == ">-" || item == ">" {
				block, blockIndent = key, indent
				continue
			}
			y.values[key] = strings.TrimSpace(y.values[key] + " " + stripComment(item))
			continue
		}
		m := yamlLine.FindStringSubmatch(line)
		key, value := strings.TrimSpace(m[3]), stripComment(strings.TrimSpace(m[4]))
		path := parent + key
		if strings.HasPrefix(value, "&") {
			y.anchors[strings.TrimPrefix(value, "&")] = path
			value = ""
		}
		y.values[path] = value
		stack = append(stack, level{indent, path})
	}
	return y
}

// stripComment removes a trailing " # comment" outside quotes.
func stripComment(v string) string {
	if strings.HasPrefix(v, `"`) {
		if end := strings.Index(v[1:], `"`); end >= 0 {
			return v[:end+2]
		}
	}
	if i := strings.Index(v, " #"); i >= 0 {
		return strings.TrimSpace(v[:i])
	}
	return v
}

// get is the value at path, following a merge key ("<<: *anchor") of any parent.
func (y yamlKeys) get(path string) string {
	if v, ok := y.values[path]; ok {
		return v
	}
	if alt, ok := y.merged(path); ok {
		return y.get(alt)
	}
	return ""
}

// has reports whether path is a key of the file (merges followed).
func (y yamlKeys) has(path string) bool {
	if _, ok := y.values[path]; ok {
		return true
	}
	alt, ok := y.merged(path)
	return ok && y.has(alt)
}

// merged is path seen through the nearest parent's merge key: services.app1.x with
// "services.app1.<<: *app" is x-app.x.
func (y yamlKeys) merged(path string) (string, bool) {
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i > 0; i-- {
		prefix := strings.Join(parts[:i], ".")
		if ref, ok := y.values[prefix+".<<"]; ok && strings.HasPrefix(ref, "*") {
			if target, ok := y.anchors[strings.TrimPrefix(ref, "*")]; ok {
				return target + "." + strings.Join(parts[i:], "."), true
			}
		}
	}
	return "", false
}

// command is a service's command: a flow list as written (["serve"]), or a block
// list's items joined.
func (y yamlKeys) command(svc string) string {
	if c := y.get("services." + svc + ".command"); c != "" {
		return c
	}
	return y.get("services." + svc + ".command[]")
}

// servingApps are the services whose command is `serve`, sorted.
func (y yamlKeys) servingApps() []string {
	var apps []string
	for k := range y.values {
		rest, ok := strings.CutPrefix(k, "services.")
		if ok && !strings.Contains(rest, ".") && y.command(rest) == `["serve"]` {
			apps = append(apps, rest)
		}
	}
	slices.Sort(apps)
	return apps
}

// env is a service's environment, quotes removed.
func (y yamlKeys) env(svc string) map[string]string {
	env := map[string]string{}
	prefix := "services." + svc + ".environment."
	if ref, ok := y.merged(prefix + "X"); ok {
		prefix = strings.TrimSuffix(ref, "X")
	}
	for k, v := range y.values {
		if name, ok := strings.CutPrefix(k, prefix); ok {
			env[name] = strings.Trim(v, `"`)
		}
	}
	return env
}

// caddyfile is what the test reads of deploy/Caddyfile: the site's address, its
// reverse_proxy's upstreams and subdirectives, and whether any log directive exists.
type caddyfile struct {
	site      string
	upstreams []string
	options   map[string]string
	logs      bool
}

func readCaddyfile(t *testing.T, name string) caddyfile {
	t.Helper()
	b, err := os.ReadFile(filepath.Clean(name))
	if err != nil {
		t.Fatal(err)
	}
	c := caddyfile{options: map[string]string{}}
	depth, inProxy := 0, false
	for line := range strings.Lines(string(b)) {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		switch {
		case f[0] == "log":
			c.logs = true
		case depth == 0 && f[len(f)-1] == "{" && len(f) > 1:
			c.site = f[0]
		case f[0] == "reverse_proxy":
			inProxy = f[len(f)-1] == "{"
			c.upstreams = slices.DeleteFunc(slices.Clone(f[1:]), func(s string) bool { return s == "{" })
		case inProxy && f[0] != "}" && len(f) > 1:
			c.options[f[0]] = f[1]
		}
		if f[len(f)-1] == "{" {
			depth++
		}
		if f[0] == "}" {
			depth--
			inProxy = false
		}
	}
	return c
}
