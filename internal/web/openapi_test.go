package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// openAPI is the part of the document the test reads.
type openAPIDocument struct {
	OpenAPI string                          `json:"openapi"`
	Paths   map[string]map[string]operation `json:"paths"`
}

type operation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		Ref      string `json:"$ref"`
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	} `json:"parameters"`
	RequestBody *struct {
		Content map[string]struct {
			Example json.RawMessage `json:"example"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]json.RawMessage `json:"responses"`
}

// TestOpenAPI calls every operation of /openapi.json on the real handler
// over a real store: with good input it must be routed (not 404 or 405)
// and answer a documented status; without a token, and with bad input, its
// answer must be documented too. Conversely every /api/ route the server
// serves must be in the document.
func TestOpenAPI(t *testing.T) {
	st := openStore(t, "sqlite")
	ids, _ := fillStory(t, st, storyID, storyArticles, true)
	s, _ := newTestServer(t, st, nil)

	rec := do(t, s, "GET", "/openapi.json", "", "")
	if rec.Code != 200 {
		t.Fatalf("GET /openapi.json: %d", rec.Code)
	}
	var doc openAPIDocument
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.0") {
		t.Errorf("openapi %q, want 3.0.x", doc.OpenAPI)
	}

	// Every documented operation.
	documented := map[string]bool{}
	paths := make([]string, 0, len(doc.Paths))
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	pathParam := regexp.MustCompile(`\{[a-z]+\}`)
	for _, p := range paths {
		for method, op := range doc.Paths[p] {
			method = strings.ToUpper(method)
			documented[method+" "+p] = true
			name := method + " " + p
			t.Run(name, func(t *testing.T) {
				concrete := pathParam.ReplaceAllStringFunc(p, func(string) string { return url.PathEscape(storyID) })
				if strings.HasPrefix(p, "/api/articles/") {
					concrete = "/api/articles/" + url.PathEscape(ids[0])
				}
				query := url.Values{}
				for _, prm := range op.Parameters {
					if prm.In != "query" || !prm.Required {
						continue
					}
					switch prm.Name {
					case "q":
						query.Set("q", "barge")
					case "url":
						query.Set("url", "https://news.example/feed.xml")
					default:
						t.Fatalf("no value for the required parameter %s", prm.Name)
					}
				}
				target := concrete
				if len(query) > 0 {
					target += "?" + query.Encode()
				}
				body := ""
				if op.RequestBody != nil {
					for _, c := range op.RequestBody.Content {
						if len(c.Example) == 0 {
							continue
						}
						var str string
						if json.Unmarshal(c.Example, &str) == nil {
							body = str
						} else {
							body = string(c.Example)
						}
						break
					}
					if body == "" {
						t.Fatal("the request body has no example to send")
					}
				}
				if method == "DELETE" {
					// Something to delete.
					do(t, s, "POST", "/api/feeds", testToken, `{"url":"https://news.example/feed.xml"}`)
				}
				check := func(what, token, target, body string) int {
					rec := do(t, s, method, target, token, body)
					if _, ok := op.Responses[fmt.Sprint(rec.Code)]; !ok {
						t.Errorf("%s: status %d is not documented (documented: %v): %.200s", what, rec.Code, keys(op.Responses), rec.Body)
					}
					return rec.Code
				}
				code := check("good request", testToken, target, body)
				if code == 404 || code == 405 || code >= 400 {
					t.Errorf("good request: status %d", code)
				}
				if method != "GET" {
					check("no token", "", target, body)
				}
				if strings.Contains(p, "{id}") {
					check("unknown id", "", strings.Replace(target, url.PathEscape(storyID), "no-such-id", 1), body)
					check("unknown id", "", strings.Replace(target, url.PathEscape(ids[0]), "no-such-id", 1), body)
				}
				if len(op.Parameters) > 0 && method == "GET" {
					check("bad limit", "", concrete+"?limit=-3&q=x", "")
				}
				if op.RequestBody != nil {
					check("bad body", testToken, target, "{not json")
				}
			})
		}
	}

	// Every API route is documented.
	for _, rt := range s.routes {
		if !strings.HasPrefix(rt.path, "/api/") || rt.method == "" {
			continue
		}
		if !documented[rt.method+" "+rt.path] {
			t.Errorf("route %s %s is not in openapi.json", rt.method, rt.path)
		}
		// And the mux serves it under that pattern.
		probe := do(t, s, rt.method, strings.ReplaceAll(rt.path, "{id}", "x"), "", "")
		if probe.Code == 405 {
			t.Errorf("route %s %s: the mux answers 405", rt.method, rt.path)
		}
	}
	for op := range documented {
		found := false
		for _, rt := range s.routes {
			if rt.method+" "+rt.path == op {
				found = true
			}
		}
		if !found {
			t.Errorf("openapi.json documents %s, which the server does not route", op)
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
