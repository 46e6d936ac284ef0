// Package web is the HTTP face of parallax serve: a JSON API under /api/
// described by an OpenAPI document at /openapi.json, the health and
// metrics endpoints, and a server-rendered web UI of stories, briefs,
// articles, search and feeds with its charts drawn as SVG on the server.
//
// New builds the whole handler from a Config. Everything it shows is read
// from the store; articles, URLs and feeds posted to the API go through the
// Config's Ingester, and an answer of 201 or 202 is given only once the
// Ingester has committed them.
//
// Every route passes through one chain: security headers, a structured log
// line and metrics, panic recovery, the bearer-token check (writes always
// need Config.Token; reads need Config.ReadToken when it is set), and a
// per-request timeout. Errors are mapped to a status in one place (errors.go)
// and answered as JSON {"error": "..."} under /api/ and as an HTML page
// elsewhere.
//
// Untrusted text (titles, outlets, article text, URLs, feed titles) is only
// ever written through html/template or escaped by hand in the SVG, and only
// http and https addresses become links. The Content-Security-Policy allows
// scripts and styles from the server itself only.
package web
