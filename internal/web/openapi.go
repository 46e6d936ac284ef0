package web

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3.0 description of every /api/ route, written
// by hand; TestOpenAPI calls every operation it lists on the real handler
// and checks that the mux serves nothing it leaves out.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(openAPIDoc)
	return nil
}
