package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
)

// Session keys.
const (
	keyUserID  = "uid"
	keyCreated = "created" // unix seconds of sign-in
	keySeen    = "seen"    // unix seconds of the last request
	keyFlash   = "flash"
)

// newSessions keeps sessions in Postgres (no state in the process, so every instance
// behind a load balancer serves every user). The cookie is __Host-session: Secure,
// HttpOnly, SameSite=Lax, Path=/; in development over plain HTTP it drops the __Host-
// prefix and Secure, which browsers require together.
func newSessions(db *store.DB, dev bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = pgxstore.NewWithCleanupInterval(db.Pool(), 10*time.Minute)
	sm.Lifetime = auth.AbsoluteTimeout
	sm.Cookie.Name = "__Host-session"
	sm.Cookie.Secure = true
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Path = "/"
	sm.Cookie.Persist = false
	if dev {
		sm.Cookie.Name = "session"
		sm.Cookie.Secure = false
	}
	return sm
}

type userKey struct{}

// currentUser is the signed-in user of the request, or nil.
func currentUser(r *http.Request) *auth.User {
	u, _ := r.Context().Value(userKey{}).(*auth.User)
	return u
}

// loadUser finds the session's user and enforces the idle and absolute timeouts
// (auth.Session) against the server's clock. An expired, deactivated or unknown
// user's session is destroyed server-side, and the request goes on signed out.
func (s *Server) loadUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		uid := s.sessions.GetInt64(ctx, keyUserID)
		if uid == 0 {
			next.ServeHTTP(w, r)
			return
		}
		now := s.now()
		session := auth.Session{Created: time.Unix(s.sessions.GetInt64(ctx, keyCreated), 0), Seen: time.Unix(s.sessions.GetInt64(ctx, keySeen), 0)}
		if session.Expired(now) {
			s.endSession(r)
			next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, endedKey{}, true)))
			return
		}
		u, err := s.db.UserByID(ctx, uid)
		if errors.Is(err, store.ErrNotFound) || (err == nil && !u.Active) {
			s.endSession(r)
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			s.fail(w, r, fmt.Errorf("loading the signed-in user: %w", err))
			return
		}
		if session.SeenStale(now) {
			s.sessions.Put(ctx, keySeen, now.Unix())
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, userKey{}, &u)))
	})
}

// endSession destroys the session in the store. It keeps nothing there for the
// sign-in page: a signed-out visitor never has a stored session (see signInNotices).
func (s *Server) endSession(r *http.Request) {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		s.log.Error("destroying a session", "err", err)
	}
}

// endedKey marks a request whose session has just timed out.
type endedKey struct{}

// Notices for the sign-in page, named in its address (/login?notice=timeout) rather
// than kept in a stored session, so that no request of a signed-out visitor writes a
// session: a stream of anonymous requests cannot fill the sessions table.
var signInNotices = map[string]string{
	"timeout": "You were signed out because you had not used the service for 30 minutes, or had been signed in for 12 hours.",
	"unsaved": "You were signed out, so what you sent was not saved. Sign in, then send it again.",
}

// signInNotice is the sign-in page's notice: the one its address names, or the
// timeout when this very request ended the session.
func signInNotice(r *http.Request) string {
	if msg, ok := signInNotices[r.URL.Query().Get("notice")]; ok {
		return msg
	}
	if ended, _ := r.Context().Value(endedKey{}).(bool); ended {
		return signInNotices["timeout"]
	}
	return ""
}

// startSession signs a user in: a new token (no session fixation), then the user.
func (s *Server) startSession(r *http.Request, u auth.User) error {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	now := s.now().Unix()
	s.sessions.Put(ctx, keyUserID, u.ID)
	s.sessions.Put(ctx, keyCreated, now)
	s.sessions.Put(ctx, keySeen, now)
	return nil
}

// safeNext keeps a post-sign-in redirect on this site: a path, never a URL elsewhere.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
