package server

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/arrs-planner/arrs/internal/store"
)

// previewError is the preview's answer when it works nothing out: {"error": "…"}, a
// sentence plan.js shows as it is, in the status line under the grid.
type previewError struct {
	Error string `json:"error"`
}

// errPreviewTooLarge is a form past maxFormBytes (or past Go's count of a multipart
// form's parts, which the grid's few hundred fields never reach): a 413. Its text is
// the sentence the status line shows.
var errPreviewTooLarge = fmt.Errorf("The plan form is larger than %d MB, the most that is read, so the figures were not worked out (a save would be refused too): check for a very long value pasted into a cell.", maxFormBytes>>20)

// readPreviewForm reads the posted form as cleanInput reads a URL-encoded one: at most
// maxFormBytes, no control character, no invalid UTF-8. A multipart form (what plan.js
// sends) is read here, so that its refusals are JSON, and may hold no file. A
// URL-encoded form was read by cleanInput already (refused, if it was, with a page);
// any other body is refused unread.
func readPreviewForm(w http.ResponseWriter, r *http.Request) error {
	kind, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch kind {
	case "application/x-www-form-urlencoded":
		return nil
	case "multipart/form-data":
	default:
		return errBadRequest("Only the plan form is read here: the preview of the figures reads the plan page's grid, posted as a form.")
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	err := r.ParseMultipartForm(maxFormBytes)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || errors.Is(err, multipart.ErrMessageTooLarge):
		return errPreviewTooLarge
	case err != nil:
		return errBadRequest("The plan form could not be read, so the figures were not worked out.")
	case len(r.MultipartForm.File) > 0:
		return errBadRequest("The figures are worked out from the plan form's cells, never a file: upload a plan file with the plan page's upload.")
	case !cleanValues(r.PostForm):
		return errBadRequest("The plan form holds characters that are not allowed (such as a null byte), so the figures were not worked out. Remove them and try again.")
	}
	return nil
}

// previewRefused answers, in JSON, an error of the preview: 400 for a form that
// cannot be read, 403, 404, 413, 503 while the database is away and a logged 500 for
// the rest, as fail does for pages. Each message is a sentence for the status line.
func (s *Server) previewRefused(w http.ResponseWriter, r *http.Request, err error) {
	var bad badRequest
	var refused *forbidden
	status, msg := http.StatusInternalServerError, "The figures could not be worked out just now: they will be when you save."
	switch {
	case errors.Is(err, context.Canceled):
		return // the script asked for newer figures, or the page went: nobody to answer
	case errors.Is(err, errPreviewTooLarge):
		status, msg = http.StatusRequestEntityTooLarge, err.Error()
	case errors.As(err, &bad):
		status, msg = http.StatusBadRequest, bad.msg
	case errors.As(err, &refused):
		s.logForbidden(r, refused.rule)
		status, msg = http.StatusForbidden, "You cannot change this network's plan, so its figures are not worked out here."
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "There is no such network."
	case store.IsUnavailable(err):
		s.log.Warn("database unreachable", "method", r.Method, "path", r.URL.Path, "err", err)
		status, msg = http.StatusServiceUnavailable, "The figures could not be worked out: the service cannot reach its database just now. Nothing typed is lost; save when it is back."
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if err := answerJSON(w, status, previewError{Error: msg}); err != nil {
		s.log.Error("answering the preview", "err", err)
	}
}
