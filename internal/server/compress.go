package server

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5/middleware"
)

// compressedTypes are the responses gzipped for a client that asks: text, SVG and
// JSON. XLSX is a zip already, and is left out by its type.
var compressedTypes = []string{"text/html", "text/css", "text/javascript", "application/javascript",
	"text/csv", "image/svg+xml", "application/json"}

// compress gzips the responses of compressedTypes (level 5: most of the gain for
// little CPU; /gaps?level=pcn goes from some 900 kB to a tenth), and says on every
// other response that it varies with Accept-Encoding, so that a cache between never
// hands a gzipped page to a client that did not ask for one. The pulse's pages are
// never compressed (uncompressed, Vary unset): the form at /pulse/{token} carries a
// single-use token in its address and the links page prints them all, and a
// compressed response beside text an attacker can inject leaks a secret's length
// (BREACH); those pages are small anyway.
func compress(next http.Handler) http.Handler {
	gz := middleware.Compress(5, compressedTypes...)(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/pulse/") {
			next.ServeHTTP(w, r)
			return
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && !strings.Contains(r.Header.Get("Accept-Encoding"), "deflate") {
			// the compressor adds Vary itself when it compresses
			w.Header().Add("Vary", "Accept-Encoding")
		}
		gz.ServeHTTP(w, r)
	})
}
