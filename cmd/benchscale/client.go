package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// transport is shared by every client: keep-alive connections enough for all of them.
// It asks for gzip, as a browser does, and unpacks it.
var transport = &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256, IdleConnTimeout: time.Minute}

// client is one signed-in person: a cookie jar, redirects not followed.
type client struct {
	base string
	hc   *http.Client
}

func newClient(base string) *client {
	jar, _ := cookiejar.New(nil)
	return &client{base: base, hc: &http.Client{Jar: jar, Transport: transport, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// response is what the driver keeps of an answer.
type response struct {
	status int
	ms     float64 // to the last byte
	db     float64 // Server-Timing's db duration; NaN when absent
	body   []byte  // only when asked for
}

// signIn posts the sign-in form; the server answers 303 when it worked.
func (c *client) signIn(ctx context.Context, email, password string) error {
	res, err := c.do(ctx, http.MethodPost, "/login", url.Values{"email": {email}, "password": {password}}, false)
	if err != nil {
		return err
	}
	if res.status != http.StatusSeeOther {
		return fmt.Errorf("sign in as %s: %d, want 303", email, res.status)
	}
	return nil
}

// get reads a page; keep keeps its body. An answer outside 2xx and 3xx is an error.
func (c *client) get(ctx context.Context, path string, keep bool) (response, error) {
	return c.do(ctx, http.MethodGet, path, nil, keep)
}

// do sends a request (a form when form is not nil) with the Origin header a browser
// sends, and reads the answer to the end.
func (c *client) do(ctx context.Context, method, path string, form url.Values, keep bool) (response, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return response{}, err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", c.base)
	}
	start := time.Now()
	res, err := c.hc.Do(req)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	out := response{status: res.StatusCode, db: dbTiming(res.Header.Get("Server-Timing"))}
	if keep || res.StatusCode >= 400 {
		out.body, err = io.ReadAll(res.Body)
	} else {
		_, err = io.Copy(io.Discard, res.Body)
	}
	out.ms = float64(time.Since(start)) / float64(time.Millisecond)
	if err != nil {
		return out, fmt.Errorf("%s %s: reading the answer: %w", method, path, err)
	}
	if res.StatusCode < 200 || res.StatusCode >= 400 {
		return out, fmt.Errorf("%s %s: %d: %s", method, path, res.StatusCode, problem(out.body))
	}
	return out, nil
}

// problem is what a page of error says: its error summary or heading, else its start.
func problem(page []byte) string {
	if doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page)); err == nil {
		for _, sel := range []string{".nhsuk-error-summary", "main h1"} {
			if t := strings.Join(strings.Fields(doc.Find(sel).First().Text()), " "); t != "" {
				return t
			}
		}
	}
	return fmt.Sprintf("%.300s", page)
}

// dbTiming reads the db duration (ms) of a Server-Timing header such as
// `db;dur=12.5;desc="9 queries", app;dur=20.1`; NaN when there is none.
func dbTiming(h string) float64 {
	i := strings.Index(h, "db;dur=")
	if i < 0 {
		return math.NaN()
	}
	v := h[i+len("db;dur="):]
	if j := strings.IndexAny(v, ";,"); j >= 0 {
		v = v[:j]
	}
	ms, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return math.NaN()
	}
	return ms
}
