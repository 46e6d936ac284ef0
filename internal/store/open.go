package store

import (
	"context"
	"net/url"
	"strings"
)

// Open opens the store at an address and brings its schema up to date: a
// postgres:// or postgresql:// URL opens PostgreSQL (see OpenPostgres);
// anything else names a SQLite file, optionally written sqlite:PATH or
// file:PATH (see OpenSQLite).
func Open(ctx context.Context, dsn string) (Store, error) {
	if isPostgres(dsn) {
		return OpenPostgres(ctx, dsn)
	}
	return OpenSQLite(ctx, sqlitePath(dsn))
}

// isPostgres reports an address that names a PostgreSQL database.
func isPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// sqlitePath returns the file named by a SQLite address: the address
// itself, or what follows sqlite: or sqlite://, or the path of a file: URI
// without its query.
func sqlitePath(dsn string) string {
	switch {
	case strings.HasPrefix(dsn, "sqlite://"):
		return dsn[len("sqlite://"):]
	case strings.HasPrefix(dsn, "sqlite:"):
		return dsn[len("sqlite:"):]
	case strings.HasPrefix(dsn, "file:"):
		p := dsn[len("file:"):]
		p, _, _ = strings.Cut(p, "?")
		if strings.HasPrefix(p, "//") {
			// file://HOST/PATH: only an empty host or localhost is a local file.
			rest := p[2:]
			host, path, _ := strings.Cut(rest, "/")
			if host == "" || host == "localhost" {
				p = "/" + path
			}
		}
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
		return p
	}
	return dsn
}
