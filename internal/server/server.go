// Package server is ARRS Planner's HTTP side: the chi route table (routes.go), the
// middleware, one handler file per area, and the single adapter that turns a handler's
// error into a response (errors.go). Handlers parse the request, authorise it, ask
// the package that answers the question (gaps, funding, supervision, rooms, supply,
// planfigures, compare, dashboard; ingest for uploads, report for downloads) or the
// store, build the screen's view model with its web/ package and render it. No SQL,
// file format or domain rule lives here.
package server

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/datacache"
	englandlayer "github.com/arrs-planner/arrs/internal/england"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Server holds what the handlers depend on.
type Server struct {
	db  *store.DB
	cfg config.Config
	log *slog.Logger
	// now is the clock, replaceable in tests; handlers read it, planning never does.
	now func() time.Time
	// cache holds England-wide roll-ups per data version.
	cache datacache.Cache
	// perPCN keeps the per-PCN inputs of England's figures between requests.
	perPCN *englandlayer.Layer
	// sessions live in Postgres; the process keeps no user state.
	sessions *scs.SessionManager
	// rules records each route's access rule ("GET /pcns/{code}/staff" → pcnMember),
	// for the authorisation matrix test.
	rules map[string]access
	// sso is the optional single sign-on; nil when off.
	sso *auth.OIDC
	// gate throttles password checks and bounds how many run at once.
	gate *auth.Gate
}

// New builds the server.
func New(db *store.DB, cfg config.Config, log *slog.Logger) *Server {
	s := &Server{db: db, cfg: cfg, log: log, now: time.Now, sessions: newSessions(db, cfg.Dev), rules: map[string]access{}, perPCN: englandlayer.New(db),
		sso: auth.NewOIDC(cfg.OIDC), gate: auth.NewGate(db, workforce.MaxEmailLength)}
	s.sessions.ErrorFunc = s.sessionError
	return s
}

// HTTPServer wraps the handler with timeouts fit for the internet.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Addr:              s.cfg.Addr,
		Handler:           s.Routes(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads of a full NWRS file
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		// net/http's own complaints (bad TLS handshakes, panics it recovered) as
		// structured records, like everything else the server logs.
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// today is the date in England by the server's clock (workforce.Today).
func (s *Server) today() time.Time { return workforce.Today(s.now()) }
