package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// formOf reads the first form of page matching sel as a browser would send it when
// submitted by Enter: every named, enabled field with its value, no button. action is
// the path it posts to.
func formOf(page []byte, sel string) (action string, v url.Values, err error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return "", nil, err
	}
	form := doc.Find(sel).First()
	if form.Length() == 0 {
		return "", nil, fmt.Errorf("no form %s on the page", sel)
	}
	action, _ = form.Attr("action")
	v = url.Values{}
	form.Find("input, select, textarea").Each(func(_ int, f *goquery.Selection) {
		name, ok := f.Attr("name")
		if _, disabled := f.Attr("disabled"); !ok || name == "" || disabled {
			return
		}
		switch goquery.NodeName(f) {
		case "textarea":
			v.Add(name, f.Text())
		case "select":
			opt := f.Find("option[selected]").First()
			if opt.Length() == 0 {
				opt = f.Find("option").First()
			}
			if val, ok := opt.Attr("value"); ok {
				v.Add(name, val)
			} else if opt.Length() > 0 {
				v.Add(name, strings.TrimSpace(opt.Text()))
			}
		default:
			switch typ := strings.ToLower(f.AttrOr("type", "text")); typ {
			case "submit", "button", "image", "reset", "file":
			case "checkbox", "radio":
				if _, checked := f.Attr("checked"); checked {
					v.Add(name, f.AttrOr("value", "on"))
				}
			default:
				v.Add(name, f.AttrOr("value", ""))
			}
		}
	})
	return action, v, nil
}

// editStaff changes a staff record's FTE by 0.01 through its form.
func editStaff(ctx context.Context, c *client, t staffTarget) error {
	path := fmt.Sprintf("/pcns/%s/staff/%d", t.pcn, t.id)
	page, err := c.get(ctx, path, true)
	if err != nil {
		return err
	}
	action, v, err := formOf(page.body, `form:has(input[name="fte"])`)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	field := "fte"
	if v.Get("fte") == "" && v.Get("hours") != "" {
		field = "hours"
	}
	v.Set(field, nudge(v.Get(field)))
	return post(ctx, c, path, action, v)
}

// savePlan changes the first starters cell of a PCN's plan through the editor; over a
// submitted or accepted plan the save starts a draft.
func savePlan(ctx context.Context, c *client, pcn string) error {
	path := "/pcns/" + pcn + "/plan"
	page, err := c.get(ctx, path+"?edit=1", true)
	if err != nil {
		return err
	}
	action, v, err := formOf(page.body, `form[data-testid="plan-form"]`)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	cells := slices.Sorted(func(yield func(string) bool) {
		for name := range v {
			if strings.HasPrefix(name, "s-") && !yield(name) {
				return
			}
		}
	})
	if len(cells) == 0 {
		return fmt.Errorf("%s: no starters cell in the plan form", path)
	}
	if v.Get(cells[0]) == "1" {
		v.Set(cells[0], "2")
	} else {
		v.Set(cells[0], "1")
	}
	return post(ctx, c, path, action, v)
}

// post sends a form to its action (the page's own path when it names none) and wants
// the 303 of a save.
func post(ctx context.Context, c *client, page, action string, v url.Values) error {
	if action == "" {
		action = page
	}
	res, err := c.do(ctx, "POST", action, v, false)
	if err == nil && res.status != 303 {
		err = fmt.Errorf("POST %s: %d, want 303 (saved): %.300s", action, res.status, res.body)
	}
	return err
}

// nudge moves a number by 0.01 (down from 0.5 up, so it stays in range); an empty or
// unreadable value becomes 1.
func nudge(raw string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return "1"
	}
	if f >= 0.5 {
		return strconv.FormatFloat(f-0.01, 'f', 2, 64)
	}
	return strconv.FormatFloat(f+0.01, 'f', 2, 64)
}
