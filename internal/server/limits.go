package server

import (
	"fmt"
	"net/url"
	"unicode/utf8"
)

// Every text input of every form has a length limit (workforce.Max…), checked as the
// form is read, before anything is looked up or written: a longer value gets its
// field's message, 422, and nothing is saved.

// textField is a posted field with its limit and its label in the message.
type textField struct {
	name, label string
	max         int
}

// textInput is a posted field with its limit and its label in the message.
func textInput(name, label string, max int) textField {
	return textField{name: name, label: label, max: max}
}

// tooLong puts a message in errs for each field with a value over its limit,
// replacing any other message for the field, and reports whether there was one.
func tooLong(v url.Values, errs map[string]string, fields ...textField) bool {
	found := false
	for _, f := range fields {
		for _, value := range v[f.name] {
			if utf8.RuneCountInString(value) > f.max {
				errs[f.name] = fmt.Sprintf("%s must be %d characters or fewer", f.label, f.max)
				found = true
				break
			}
		}
	}
	return found
}
