package store

import (
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestPostgresPlans checks that PostgreSQL can read by index without
// sorting. The test tables are tiny, so the planner is told to avoid
// sequential scans and sorts whenever an index allows: a plan that still
// has one has no index to use.
func TestPostgresPlans(t *testing.T) {
	dsn := postgresSchemas(t)(t)
	p, err := OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	makeStories(t, p, 0, 20, time.Now())
	err = pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		for _, set := range []string{"enable_seqscan", "enable_sort", "enable_bitmapscan"} {
			if _, err := tx.Exec(ctx, "SET LOCAL "+set+" = off"); err != nil {
				return err
			}
		}
		for query, args := range planQueries(t, "postgres") {
			rows, err := tx.Query(ctx, "EXPLAIN "+query, args...)
			if err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			var plan []string
			for rows.Next() {
				var line string
				if err := rows.Scan(&line); err != nil {
					return err
				}
				plan = append(plan, line)
			}
			rows.Close()
			text := strings.Join(plan, "\n")
			if strings.Contains(text, "Seq Scan") || strings.Contains(text, "Sort") {
				t.Errorf("query %s\nruns without an index:\n%s", query, text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
