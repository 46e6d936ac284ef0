package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// planQueries are the reads a page of the service makes, with arguments,
// for each database: each must run on an index, without sorting.
func planQueries(t *testing.T, dialect string) map[string][]any {
	t.Helper()
	stories := func(q StoryQuery) (string, []any) {
		var query string
		var args []any
		var err error
		if dialect == "sqlite" {
			query, args, err = sqliteStories(q, 50)
		} else {
			query, args, err = pgStories(q, 50)
		}
		if err != nil {
			t.Fatal(err)
		}
		return query, args
	}
	cursor := encodeCursor(rankKey(3, time.Now(), "story-1"))
	qs := map[string][]any{}
	add := func(query string, args ...any) { qs[query] = args }
	if dialect == "sqlite" {
		add(sqliteArticle, "x")
		add(sqliteStoryArticles, "s")
		add(sqliteUnclustered, 10)
		add(sqliteClusterLog, 5, 10)
		add(sqliteStory, "s")
		add(sqliteBrief, "s")
		add(sqliteFindArticle, "https://a.example/", "abc")
	} else {
		add(pgArticle, "x")
		add(pgStoryArticles, "s")
		add(pgUnclustered, 10)
		add(pgClusterLog, 5, 10)
		add(pgStory, "s")
		add(pgBrief, "s")
		add(pgFindArticle, "https://a.example/", "abc")
	}
	for _, q := range []StoryQuery{{}, {Cursor: cursor}, {Outlet: "Outlet 1", Cursor: cursor}} {
		query, args := stories(q)
		add(query, args...)
	}
	return qs
}

// TestSQLitePlans checks that SQLite reads by index, never scanning a
// table or sorting in a temporary tree.
func TestSQLitePlans(t *testing.T) {
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	makeStories(t, s, 0, 20, time.Now())
	for query, args := range planQueries(t, "sqlite") {
		rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			scan := strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, " INDEX ")
			if scan || strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("query %s\nruns without an index:\n  %s", query, strings.Join(plan, "\n  "))
				break
			}
		}
	}
}
