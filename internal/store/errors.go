package store

import "errors"

// ErrInvalid is returned for input the store refuses: an article that
// fails Check, a malformed cursor, a search offset out of range or a query
// too long, a clustering step that names no article. The error's text says which input and what
// is wrong; errors.Is(err, ErrInvalid) tells a caller to answer 400, not
// 500.
var ErrInvalid = errors.New("invalid input")

// ErrConflict is returned when a write contradicts what is stored: a
// clustering step assigning an article that another step already
// clustered. Nothing was changed; the caller reloads and tries again.
var ErrConflict = errors.New("conflict")
