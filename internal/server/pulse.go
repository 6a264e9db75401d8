package server

import (
	"errors"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"

	pulseweb "github.com/arrs-planner/arrs/web/pulse"
)

// The anonymous pulse's public form (/pulse/{token}; issue 16, docs/integration.md):
// a single-use link, no account, no session. The token is trimmed and lower-cased (its
// alphabet has one case: store.NormalPulseToken) and checked for its form before any
// lookup. A link that cannot take an answer (unknown, used, or of a round that has
// closed) gets one page with one status, whichever it is, on GET and POST alike, so
// that the page is no cheap test of whether a link was used (a used link is deleted:
// the store cannot tell it from an unknown one either); only a usable link's answer is
// checked and stored, by the store, with the link's round, PCN and role group only. An
// answer sending a field twice is refused as a bad request (400), writing nothing. The form writes nothing else: it seals no round (the pages that show results
// do) and touches no session. Neither the token nor any answer is logged or audited:
// the access log writes the path as /pulse/{token} (redactPath), and so does every
// error this file reports.

// pulseTitle is the form's heading.
const pulseTitle = "How is work going for you?"

// pulsePublic runs a public pulse handler with the headers its pages need, reporting
// its error (a 500, a 503) against the path without the token.
func (s *Server) pulsePublic(w http.ResponseWriter, r *http.Request, h handlerFunc) error {
	// The page holds a live token: never cached, never sent on as a referrer.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if err := h(w, r); err != nil {
		s.fail(w, redactedRequest(r), err)
	}
	return nil
}

// pulseLayout is the frame of the public pages: the layout of a signed-out visitor.
func pulseLayout(title string) layout.PageParams { return layout.PageParams{Title: title} }

// pulseLink checks the URL's token and finds its round and group: the page to show
// instead when the link cannot take an answer. It writes nothing: a round past its
// closing day is refused by its date (store.PulseLinkRound), sealed or not.
func (s *Server) pulseLink(w http.ResponseWriter, r *http.Request) (token string, round workforce.PulseRound, group workforce.RoleGroup, ok bool, err error) {
	token = store.NormalPulseToken(chi.URLParam(r, "token"))
	if !store.ValidPulseToken(token) {
		return "", round, "", false, s.pulseRefused(w, r, store.ErrNotFound)
	}
	round, group, err = s.db.PulseLinkRound(r.Context(), token, s.today())
	if err != nil {
		return "", round, "", false, s.pulseRefused(w, r, err)
	}
	return token, round, group, true, nil
}

// pulseRefused shows the page of a link that cannot take an answer, the same page
// and status (404) whether it is unknown, used or closed; another error is returned as
// it is.
func (s *Server) pulseRefused(w http.ResponseWriter, r *http.Request, err error) error {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrPulseClosed) {
		return renderStatus(w, r, http.StatusNotFound, pulseweb.ProblemView(pulseweb.UnusableLink(pulseLayout(""))))
	}
	return err
}

// pulseFormOf is the empty form of a link.
func (s *Server) pulseFormOf(r *http.Request, token string, round workforce.PulseRound, group workforce.RoleGroup) (pulseweb.Form, error) {
	name, err := s.pulsePCNName(r, round.PCNCode)
	return pulseweb.NewAnswerForm(pulseLayout(pulseTitle), name, round, group, pulseweb.FormPath(token)), err
}

// pulsePCNName is a PCN's name today, or its code when the tree no longer has it.
func (s *Server) pulsePCNName(r *http.Request, code string) (string, error) {
	tree, err := s.tree(r)
	if err != nil {
		return "", err
	}
	if p, ok := tree.PCN(code); ok {
		return p.Name, nil
	}
	return code, nil
}

func (s *Server) pulseForm(w http.ResponseWriter, r *http.Request) error {
	return s.pulsePublic(w, r, func(w http.ResponseWriter, r *http.Request) error {
		token, round, group, ok, err := s.pulseLink(w, r)
		if !ok || err != nil {
			return err
		}
		f, err := s.pulseFormOf(r, token, round, group)
		if err != nil {
			return err
		}
		return render(w, r, pulseweb.FormView(f))
	})
}

func (s *Server) pulseAnswer(w http.ResponseWriter, r *http.Request) error {
	return s.pulsePublic(w, r, func(w http.ResponseWriter, r *http.Request) error {
		token, round, group, ok, err := s.pulseLink(w, r)
		if !ok || err != nil {
			return err
		}
		v, err := readForm(r)
		if err != nil {
			return err
		}
		if err := pulseSingleValues(v); err != nil {
			return err
		}
		f, err := s.pulseFormOf(r, token, round, group)
		if err != nil {
			return err
		}
		a := f.Read(v)
		if len(f.Errors) > 0 {
			return renderStatus(w, r, http.StatusUnprocessableEntity, pulseweb.FormView(f))
		}
		if err := s.db.AnswerPulse(r.Context(), token, a, s.today()); err != nil {
			return s.pulseRefused(w, r, err)
		}
		return render(w, r, pulseweb.ThanksView(pulseweb.Thanks{Layout: pulseLayout("Thank you"), PCNName: f.PCNName, ClosesOn: round.ClosesOn}))
	})
}

// pulseSingleValues refuses an answer that sends a question or the comment more than
// once (autonomy=4&autonomy=1): no browser sends that from the form, and which value
// counts would be a guess.
func pulseSingleValues(v url.Values) error {
	for _, it := range workforce.PulseItems {
		if len(v[it.Key]) > 1 {
			return errBadRequest("The answer sent %d answers to %q; each question takes one. Nothing was saved: open your link again and send the form once.",
				len(v[it.Key]), it.Text)
		}
	}
	if len(v[pulseweb.CommentField]) > 1 {
		return errBadRequest("The answer sent %d comments; the form takes one. Nothing was saved: open your link again and send the form once.",
			len(v[pulseweb.CommentField]))
	}
	return nil
}

// redactedRequest is r with its path as the logs may write it (redactPath), for the
// error reports of the pulse's public pages.
func redactedRequest(r *http.Request) *http.Request {
	c := r.Clone(r.Context())
	c.URL.Path, c.URL.RawPath = redactPath(r.URL.Path), ""
	c.RequestURI = ""
	return c
}

// pulsePrefix is where the pulse's links live; every path under it holds a token.
const pulsePrefix = "/pulse/"

// redactPath is a request's path as the logs write it: a path under /pulse/ holds a
// link's token, the secret that answers once, so it is written as /pulse/{token}. The
// test ignores case, repeated leading slashes and dot segments (/x/../pulse/…), which
// the router may not route as written but the log would still write; it is made of
// the path as sent and the path cleaned, so that a token is redacted either way.
func redactPath(p string) string {
	for _, q := range []string{"/" + strings.TrimLeft(p, "/"), path.Clean("/" + p)} {
		if strings.HasPrefix(strings.ToLower(q), pulsePrefix) {
			return pulsePrefix + "{token}"
		}
	}
	return p
}
