package server

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/arrs-planner/arrs/internal/importer"
)

// maxUpload bounds the body of an upload: the file (importer.MaxUploadBytes) and the
// form's few other fields. The importer bounds the file itself, and what it unpacks to.
const maxUpload = importer.MaxUploadBytes + 1<<20

// fileRefusal is the status and message of an uploaded file refused, and whether err is
// such a refusal (else it is a failure, for the error page). A file past one of the
// importer's limits is 413 when too large and 422 when shaped wrong, and is logged as a
// security event (what it held, or "more than" the limit where reading stopped); a file
// with a bad row is 422. A body past maxUpload is measured by its Content-Length.
func (s *Server) fileRefusal(r *http.Request, err error) (status int, msg string, refused bool) {
	var limit *importer.LimitError
	var tooBig *http.MaxBytesError
	var row *importer.RowError
	switch {
	case errors.As(err, &tooBig):
		limit = &importer.LimitError{Subject: "the upload", Limit: importer.LimitUploadSize, Max: importer.MaxUploadBytes,
			Got: max(r.ContentLength, 0)} // the file and the form's few fields; unknown (-1) when sent in chunks
	case errors.As(err, &limit):
	case errors.As(err, &row):
		return http.StatusUnprocessableEntity, row.Error(), true
	default:
		return 0, "", false
	}
	u := currentUser(r)
	s.security(r, slog.LevelWarn, "upload_refused", "user_id", u.ID, "user", u.Email, "method", r.Method, "path", r.URL.Path,
		"limit", string(limit.Limit), "max", limit.Max, "got", limit.Observed())
	if limit.TooLarge() {
		return http.StatusRequestEntityTooLarge, limit.Error(), true
	}
	return http.StatusUnprocessableEntity, limit.Error(), true
}
