package store

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// The schema of each database is a numbered series of SQL files,
// migrations/<dialect>/NNNN_name.sql, applied in order at Open, each once;
// the table schema_migrations records which were applied. A migration is
// never edited once released: a change is a new file.
//
//go:embed migrations
var migrationFiles embed.FS

// A migration is one schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns a dialect's migrations in version order, checking
// that the versions run 1, 2, 3... without a gap.
func migrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations %s: %w", dialect, err)
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s/%s: name is not NNNN_name.sql", dir, e.Name())
		}
		b, err := fs.ReadFile(migrationFiles, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migration %s/%s: %w", dir, e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(e.Name(), ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations %s: expected version %d, found %s", dialect, i+1, m.name)
		}
	}
	return ms, nil
}

// pending returns the migrations after the database's version, or an error
// when the database is newer than this program.
func pending(ms []migration, current int) ([]migration, error) {
	if current > len(ms) {
		return nil, fmt.Errorf("the database's schema is version %d, newer than this program's %d: run a newer parallax", current, len(ms))
	}
	return ms[current:], nil
}
