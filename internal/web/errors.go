package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/parallax-news/parallax/internal/store"
)

// A statusError is a failure whose HTTP status is known where it happens:
// bad input, missing or wrong credentials, a missing ingester.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// badRequest is input that cannot be used (400); the message names the
// input and says what is wrong with it.
func badRequest(format string, args ...any) error {
	return &statusError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// notFound is a route or item that does not exist (404).
func notFound(format string, args ...any) error {
	return &statusError{http.StatusNotFound, fmt.Sprintf(format, args...)}
}

// unauthorized is a request without the token it needs (401).
func unauthorized(msg string) error { return &statusError{http.StatusUnauthorized, msg} }

// forbidden is a request no token can make (403).
func forbidden(msg string) error { return &statusError{http.StatusForbidden, msg} }

// unavailable is a request the server cannot serve now (503).
func unavailable(msg string) error { return &statusError{http.StatusServiceUnavailable, msg} }

// methodNotAllowed is a known path asked with another method (405).
func methodNotAllowed(msg string) error { return &statusError{http.StatusMethodNotAllowed, msg} }

// classify maps an error to the status and the message the client is
// shown: the one place where failures become HTTP statuses. Internal
// errors are shown as a generic message; the caller logs the real one.
func (s *server) classify(err error) (status int, msg string, internal bool) {
	var se *statusError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &se):
		return se.status, se.msg, false
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over the limit of %d bytes", mbe.Limit), false
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, err.Error(), false
	case errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest, err.Error(), false
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, err.Error(), false
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, fmt.Sprintf("the request took longer than %s", s.timeout), true
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "the request was cancelled", false
	}
	return http.StatusInternalServerError, "internal error; the server's log has the details", true
}
