package integration

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// The limits of the list of services (migration 000020 checks the name and code).
const (
	// MaxServiceName bounds a service's name.
	MaxServiceName = workforce.MaxServiceNameLength
	// MaxServices bounds the list: a short reference list, never a catalogue.
	MaxServices = 40
	// MaxServicePosition bounds a position.
	MaxServicePosition = workforce.MaxServicePosition
	// maxServiceCode bounds the code made from a new service's name.
	maxServiceCode = 40
)

// ServicesTitle is the title of the admins' form.
const ServicesTitle = "Services staff are here to deliver"

// ServicesForm is the admins' form of the list of services: each one's name, position
// and whether it is offered, and one to add.
type ServicesForm struct {
	Layout   layout.PageParams
	Rows     []ServiceRow
	NewName  string
	NewPos   string
	Errors   map[string]string
	Conflict string
	Success  string
}

// ServiceRow is one stored service as typed.
type ServiceRow struct {
	Code, Name, Position string
	Active               bool
	Version              int
	// Was is its name as stored when the form was read, for the messages; Saved is
	// the service as saved now after a stale save ("" otherwise).
	Was, Saved string
}

// ServicesFormOf fills the form from the list as stored.
func ServicesFormOf(services []workforce.IntegrationService) ServicesForm {
	f := ServicesForm{Errors: map[string]string{}}
	for _, s := range services {
		f.Rows = append(f.Rows, ServiceRow{Code: s.Code, Name: s.Name, Position: strconv.Itoa(s.Position), Active: s.Active, Version: s.Version, Was: s.Name})
	}
	return f
}

// ReadServices reads the posted form over the list as stored (current): the rows it
// posts (each names a stored service by code, at the version the form was opened at;
// a service added since is left as it is) and a new one when a name is typed. Every
// value is bounded first, and no more rows are read than are stored.
func ReadServices(v url.Values, current []workforce.IntegrationService) (ServicesForm, []workforce.IntegrationService) {
	f := ServicesForm{Errors: map[string]string{}}
	f.NewName, f.NewPos = strings.TrimSpace(v.Get("new-name")), strings.TrimSpace(v.Get("new-position"))
	limits := []input.Limit{{Name: "new-name", Label: "The new service's name", Max: MaxServiceName},
		{Name: "new-position", Label: "The new service's position", Max: 4}}
	stored := map[string]workforce.IntegrationService{}
	for _, s := range current {
		stored[s.Code] = s
	}
	for i := range current {
		k := strconv.Itoa(i)
		s, ok := stored[v.Get("code-"+k)]
		if !ok {
			continue
		}
		delete(stored, s.Code) // a code posted twice is read once
		row := ServiceRow{Code: s.Code, Name: strings.TrimSpace(v.Get("name-" + k)), Position: strings.TrimSpace(v.Get("position-" + k)),
			Active: v.Get("active-"+k) == "yes", Version: -1, Was: s.Name}
		if n, err := strconv.Atoi(v.Get("version-" + k)); err == nil && n > 0 {
			row.Version = n
		}
		f.Rows = append(f.Rows, row)
		limits = append(limits, input.Limit{Name: "name-" + k, Label: "The name of " + s.Name, Max: MaxServiceName},
			input.Limit{Name: "position-" + k, Label: "The position of " + s.Name, Max: 4})
	}
	if input.TooLong(v, f.Errors, limits...) {
		return f, nil
	}
	var out []workforce.IntegrationService
	for i, r := range f.Rows {
		k := strconv.Itoa(i)
		if r.Version < 0 {
			f.Errors["name-"+k] = "The form did not say which version of " + r.Was + " it changes: open the page again"
		}
		s := workforce.IntegrationService{Code: r.Code, Name: r.Name, Active: r.Active, Version: r.Version}
		s.Position = readPosition(r.Position, "position-"+k, "the position of "+r.Was, f.Errors)
		if r.Name == "" {
			f.Errors["name-"+k] = "Enter the name of " + r.Was
		}
		out = append(out, s)
	}
	if f.NewName != "" || f.NewPos != "" {
		out = f.readNew(out, current)
	}
	f.checkNames(out)
	for i, s := range out {
		prefix := map[string]string{"name": "name-" + strconv.Itoa(i), "position": "position-" + strconv.Itoa(i)}
		if s.Version == 0 {
			prefix = map[string]string{"name": "new-name", "position": "new-position", "code": "new-name"}
		}
		for _, p := range s.Validate() {
			if key := prefix[p.Field]; key != "" && f.Errors[key] == "" {
				f.Errors[key] = p.Message
			}
		}
	}
	return f, out
}

// readNew adds the new service to the list: a name, a position, and a code made from
// the name that no stored service has.
func (f *ServicesForm) readNew(list, current []workforce.IntegrationService) []workforce.IntegrationService {
	if len(current) >= MaxServices {
		f.Errors["new-name"] = "The list holds at most " + strconv.Itoa(MaxServices) + " services: make one inactive and rename it instead"
		return list
	}
	if f.NewName == "" {
		f.Errors["new-name"] = "Enter the new service's name"
		return list
	}
	s := workforce.IntegrationService{Name: f.NewName, Active: true, Code: ServiceCode(f.NewName, current)}
	if f.NewPos == "" {
		s.Position = len(current) + 1
		for _, x := range current {
			s.Position = max(s.Position, x.Position+1)
		}
		s.Position = min(s.Position, MaxServicePosition)
	} else {
		s.Position = readPosition(f.NewPos, "new-position", "the new service's position", f.Errors)
	}
	if s.Code == "" {
		f.Errors["new-name"] = "The new service's name must contain at least one letter from a to z: its code is made from the name's letters a to z and digits"
	}
	return append(list, s)
}

// checkNames refuses two services of the same name: a list people choose from.
func (f *ServicesForm) checkNames(list []workforce.IntegrationService) {
	seen := map[string]bool{}
	for i, s := range list {
		key := strings.ToLower(s.Name)
		if s.Name != "" && seen[key] {
			field := "name-" + strconv.Itoa(i)
			if s.Version == 0 {
				field = "new-name"
			}
			if f.Errors[field] == "" {
				f.Errors[field] = "Another service is already called " + s.Name
			}
		}
		seen[key] = true
	}
}

// readPosition reads a typed position as a number; its range is checked with the
// rest of the service (workforce.IntegrationService.Validate, as the store does).
func readPosition(typed, key, what string, errs map[string]string) int {
	n, err := strconv.Atoi(typed)
	if err != nil {
		errs[key] = "Enter " + what + " as a whole number from 0 to " + strconv.Itoa(MaxServicePosition)
	}
	return n
}

// ServiceCode makes a code from a name ("Frailty & falls" → "frailty_falls"): lower
// case letters, digits and underscores, starting with a letter, at most 40 characters,
// with a number added when a service of list has it; "" when the name has no letter
// from a to z (a name in another alphabet, or of digits only).
func ServiceCode(name string, list []workforce.IntegrationService) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) && b.Len() > 0):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
		default:
			gap = true
		}
	}
	base := b.String()
	if base == "" {
		return ""
	}
	base = strings.TrimRight(base[:min(len(base), maxServiceCode-3)], "_")
	taken := func(c string) bool {
		for _, s := range list {
			if s.Code == c {
				return true
			}
		}
		return false
	}
	code := base
	for n := 2; taken(code); n++ {
		code = base + "_" + strconv.Itoa(n)
	}
	return code
}

// Stale marks the form of a stale save: someone saved the list since it was opened.
// It keeps what was typed, shows each service as saved now and takes its version, so
// saving again replaces it knowingly.
func (f ServicesForm) Stale(now []workforce.IntegrationService) ServicesForm {
	f.Conflict = input.Conflict + " Each service as saved now is shown under its name."
	for i, r := range f.Rows {
		for _, s := range now {
			if s.Code == r.Code {
				f.Rows[i].Version = s.Version
				f.Rows[i].Saved = "Saved now: " + s.Name + ", position " + strconv.Itoa(s.Position) + ", " + offered(s.Active)
			}
		}
	}
	return f
}

func offered(active bool) string {
	if active {
		return "offered"
	}
	return "not offered"
}

// Framed puts the form on its page, marked in error when it is.
func (f ServicesForm) Framed(page layout.PageParams) ServicesForm {
	f.Layout = page
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	return f
}

func (f ServicesForm) summary() ui.ErrorSummaryParams {
	var order []string
	for i := range f.Rows {
		k := strconv.Itoa(i)
		order = append(order, "name-"+k, "position-"+k)
	}
	order = append(order, "new-name", "new-position")
	return input.ErrorSummary(f.Errors, f.Conflict, order, nil)
}
