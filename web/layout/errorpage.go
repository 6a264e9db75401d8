package layout

import "net/http"

// errorPage is the content of an error page: a heading, the caller's message, and
// the NHS service manual's advice for the status.
type errorPage struct {
	status  int
	title   string
	message string
}

func newErrorPage(status int, title, message string) errorPage {
	if title == "" {
		title = defaultErrorTitle(status)
	}
	return errorPage{status: status, title: title, message: message}
}

// defaultErrorTitle follows the NHS service manual's error page headings.
func defaultErrorTitle(status int) string {
	switch {
	case status == http.StatusNotFound:
		return "Page not found"
	case status == http.StatusForbidden:
		return "You do not have access to this page"
	case status >= 500:
		return "Sorry, there is a problem with the service"
	}
	return "Sorry, there is a problem with your request"
}
