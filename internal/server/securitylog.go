package server

import (
	"log/slog"
	"net/http"
	"slices"
)

// security writes a record to the security log: the message "security", the event,
// the site's own keys and values (kv), then the client's address as "ip" unless kv
// names one. Never a password or a file's contents, nor a pulse link's token: a "path"
// or "route" value is written as redactPath writes it.
func (s *Server) security(r *http.Request, lvl slog.Level, event string, kv ...any) {
	args := make([]any, 0, len(kv)+4)
	args = append(append(args, "event", event), redactPaths(kv)...)
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

// redactPaths is kv with each "path" and "route" value redacted (redactPath).
func redactPaths(kv []any) []any {
	out := slices.Clone(kv)
	for i := 0; i+1 < len(out); i += 2 {
		if k, ok := out[i].(string); ok && (k == "path" || k == "route") {
			if p, ok := out[i+1].(string); ok {
				out[i+1] = redactPath(p)
			}
		}
	}
	return out
}
