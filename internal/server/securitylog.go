package server

import (
	"log/slog"
	"net/http"
)

// security writes a record to the security log: the message "security", the event,
// the site's own keys and values (kv), then the client's address as "ip" unless kv
// names one. Never a password or a file's contents.
func (s *Server) security(r *http.Request, lvl slog.Level, event string, kv ...any) {
	args := make([]any, 0, len(kv)+4)
	args = append(append(args, "event", event), kv...)
	if !hasKey(kv, "ip") {
		args = append(args, "ip", s.clientIP(r))
	}
	s.log.Log(r.Context(), lvl, "security", args...)
}

// hasKey reports whether the key-value list kv has the key.
func hasKey(kv []any, key string) bool {
	for i := 0; i < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok && k == key {
			return true
		}
	}
	return false
}
