package audit

import (
	"encoding/json"
	"slices"
	"strings"
)

// Change is one field an audit entry records, as people read it: "Annual cost:
// £45,000 → £48,000". A created record has no Old side, a removed one no New side.
type Change struct {
	Field          string
	Old, New       string
	HasOld, HasNew bool
}

// String is the change on one line: "Field: old → new", or "Field: value" for a
// field of a record created or removed.
func (c Change) String() string {
	switch {
	case c.HasOld && c.HasNew:
		return c.Field + ": " + c.Old + " → " + c.New
	case c.HasNew:
		return c.Field + ": " + c.New
	}
	return c.Field + ": " + c.Old
}

// Changes lists what an entry changed, from the record's JSON before and after it
// ("" when there was none: a creation, a removal, an event): every field that differs,
// in the order the stored JSON gives its fields (Postgres's jsonb: shorter keys
// first), named and written for people (labels.go, values.go). A field of a created or removed record is listed when it holds a value.
// roles names role codes. JSON that cannot be read gives no lines: the page keeps the
// raw JSON beside them.
func Changes(before, after string, roles map[string]string) []Change {
	old, hadOld := flatten(before)
	cur, hasNew := flatten(after)
	f := formatter{roles: roles}
	var out []Change
	for _, k := range keysOf(cur, old) {
		o, inOld := old.get(k)
		v, inNew := cur.get(k)
		if hidden(k) || (inOld && inNew && equal(o, v)) || (hadOld && hasNew && (!inOld && blank(v) || !inNew && blank(o))) {
			continue
		}
		switch {
		case hadOld && hasNew:
			out = append(out, f.update(k, o, v, inOld, inNew)...)
		case hasNew && !empty(v):
			out = append(out, Change{Field: f.label(k), New: f.value(k, v), HasNew: true})
		case hadOld && !empty(o):
			out = append(out, Change{Field: f.label(k), Old: f.value(k, o), HasOld: true})
		}
	}
	return out
}

// update is the change of one field of a record that was there before and after: a
// list says what it gained and lost, any other field its old and new value.
func (f formatter) update(k path, o, v any, inOld, inNew bool) []Change {
	ol, oIsList := o.([]any)
	vl, vIsList := v.([]any)
	if oIsList || vIsList {
		var out []Change
		if added := minus(vl, ol); len(added) > 0 {
			out = append(out, Change{Field: f.label(k) + " added", New: f.list(k, added), HasNew: true})
		}
		if removed := minus(ol, vl); len(removed) > 0 {
			out = append(out, Change{Field: f.label(k) + " removed", New: f.list(k, removed), HasNew: true})
		}
		return out
	}
	c := Change{Field: f.label(k), Old: noneText, New: noneText, HasOld: true, HasNew: true}
	if inOld {
		c.Old = f.value(k, o)
	}
	if inNew {
		c.New = f.value(k, v)
	}
	return []Change{c}
}

// path is where a value sits in a record: its keys from the top ("paramedic",
// "Movers" in an ICB's expected supply).
type path []string

func (p path) key() string { return strings.Join(p, "\x00") }

// last is the innermost key, which names the value.
func (p path) last() string {
	if len(p) == 0 {
		return ""
	}
	return p[len(p)-1]
}

// leaf is one value of a record: a string, json.Number, bool or nil, or a list
// ([]any) of values.
type leaf struct {
	at    path
	value any
}

// record is a record's leaves in the order of its JSON.
type record []leaf

func (r record) get(k path) (any, bool) {
	for _, l := range r {
		if l.at.key() == k.key() {
			return l.value, true
		}
	}
	return nil, false
}

// keysOf lists the paths of the record after, then those only the record before had.
func keysOf(cur, old record) []path {
	var out []path
	seen := map[string]bool{}
	for _, r := range []record{cur, old} {
		for _, l := range r {
			if !seen[l.at.key()] {
				seen[l.at.key()] = true
				out = append(out, l.at)
			}
		}
	}
	return out
}

// flatten reads a record's JSON into its leaves, in the order the JSON gives them;
// an object's keys nest under its own. ok is false for "" (no record) and for JSON that cannot be read.
func flatten(raw string) (record, bool) {
	if strings.TrimSpace(raw) == "" {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var out record
	if err := walk(dec, nil, &out); err != nil {
		return nil, false
	}
	return out, true
}

func walk(dec *json.Decoder, at path, out *record) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			if err := walk(dec, append(slices.Clip(at), k.(string)), out); err != nil {
				return err
			}
		}
		_, err = dec.Token()
		return err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				return err
			}
			list = append(list, v)
		}
		*out = append(*out, leaf{at: at, value: list})
		_, err = dec.Token()
		return err
	}
	*out = append(*out, leaf{at: at, value: tok})
	return nil
}

// equal compares two values of a record as JSON.
func equal(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// empty is a value that says nothing of a new or removed record: null, "", an empty
// list.
func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	}
	return false
}

// blank is a value that says nothing when the other side of the change lacks the
// field: empty, or a zero (a version "returned to" none is 0, not a change).
func blank(v any) bool {
	n, isNumber := v.(json.Number)
	return empty(v) || (isNumber && (n == "0" || n == "0.0"))
}

// minus is the items of a that b lacks, counting repeats.
func minus(a, b []any) []any {
	left := map[string]int{}
	for _, v := range b {
		x, _ := json.Marshal(v)
		left[string(x)]++
	}
	var out []any
	for _, v := range a {
		x, _ := json.Marshal(v)
		if left[string(x)] > 0 {
			left[string(x)]--
			continue
		}
		out = append(out, v)
	}
	return out
}
