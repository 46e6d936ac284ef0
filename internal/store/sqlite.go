package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// SQLite is the Store in one SQLite file, in WAL mode with synchronous=FULL:
// a write that returned is on disk and survives a crash of the process or
// of the machine.
//
// SQLite has one writer at a time, so every write goes through one
// connection and writers queue in the process instead of failing with
// SQLITE_BUSY; reads go through a small pool of read-only connections and
// never wait for the writer. One process uses a file: the clustering lock
// is a mutex of the process, so several processes on one file would
// cluster at the same time. Several processes, or several machines, need
// PostgreSQL.
type SQLite struct {
	path     string
	w, r     *sql.DB
	lock     chan struct{}
	now      func() time.Time
	migrated int
}

var _ Store = (*SQLite)(nil)

// sqliteReaders is the size of the read pool.
const sqliteReaders = 4

// OpenSQLite opens or creates the SQLite database in the file at path and
// brings its schema up to date.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file::memory:") {
		return nil, fmt.Errorf("store: sqlite %q: a database file is needed (an in-memory database is not shared between connections)", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite %s: %w", path, err)
	}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("store: sqlite %s: the directory %s does not exist", path, filepath.Dir(abs))
	}
	name := "file:" + (&url.URL{Path: abs}).EscapedPath()
	const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_pragma=cache_size(-32000)&_pragma=temp_store(memory)"
	w, err := sql.Open("sqlite", name+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	s := &SQLite{path: abs, w: w, lock: make(chan struct{}, 1), now: time.Now}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: sqlite %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", name+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: sqlite %s: %w", path, err)
	}
	r.SetMaxOpenConns(sqliteReaders)
	r.SetMaxIdleConns(sqliteReaders)
	s.r = r
	if err := r.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: sqlite %s: %w", path, err)
	}
	return s, nil
}

// Path returns the database file's absolute path, so that another handle
// (River's) can open the same file.
func (s *SQLite) Path() string { return s.path }

// DB returns the writing handle: one connection, shared with the store's
// own writes. Use it only for short transactions.
func (s *SQLite) DB() *sql.DB { return s.w }

// migrate applies the pending migrations in one transaction.
func (s *SQLite) migrate(ctx context.Context) error {
	ms, err := migrations("sqlite")
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("schema version: %w", err)
		}
		todo, err := pending(ms, current)
		if err != nil {
			return err
		}
		for _, m := range todo {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
				m.version, m.name, s.now().UnixMicro()); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		s.migrated = len(todo)
		return nil
	})
}

// write runs fn in a write transaction (BEGIN IMMEDIATE) and commits.
func (s *SQLite) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Times are stored as microseconds since 1970 UTC; NULL for the zero time.
func sqlTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func goTime(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// PutArticles stores articles in one transaction.
func (s *SQLite) PutArticles(ctx context.Context, articles []Article) ([]Put, error) {
	if len(articles) == 0 {
		return nil, nil
	}
	b, err := prepare(articles, s.now())
	if err != nil {
		return nil, fmt.Errorf("store: put articles: %w", err)
	}
	puts := make([]Put, len(articles))
	err = s.write(ctx, func(tx *sql.Tx) error {
		find, err := tx.PrepareContext(ctx, sqliteFindArticle)
		if err != nil {
			return err
		}
		defer find.Close()
		ins, err := tx.PrepareContext(ctx, `INSERT INTO articles
			(id, url, canonical, hash, outlet, title, published, text, feed, stored)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, a := range b.arts {
			if j := b.same[i]; j >= 0 {
				puts[i] = Put{ID: puts[j].ID, Seq: puts[j].Seq}
				continue
			}
			var p Put
			err := find.QueryRowContext(ctx, nullString(a.Canonical), a.Hash).Scan(&p.ID, &p.Seq)
			if err == nil {
				puts[i] = p
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("article %q: %w", clip(a.ID), err)
			}
			for _, id := range b.ids[i] {
				err := ins.QueryRowContext(ctx, id, a.URL, nullString(a.Canonical), a.Hash, a.Outlet, a.Title,
					sqlTime(a.Published), a.Text, a.Feed, a.Stored.UnixMicro()).Scan(&p.Seq)
				if errors.Is(err, sql.ErrNoRows) {
					continue // the id is taken by another article
				}
				if err != nil {
					return fmt.Errorf("article %q: %w", clip(a.ID), err)
				}
				p.ID, p.Created = id, true
				break
			}
			if !p.Created {
				return fmt.Errorf("article %q: every id it could take is taken", clip(a.ID))
			}
			puts[i] = p
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: put articles: %w", err)
	}
	return puts, nil
}

const sqliteArticleCols = `seq, id, url, coalesce(canonical, ''), hash, outlet, title, published, text, feed, stored,
	coalesce(story_id, ''), coalesce(cluster_seq, 0)`

func scanSQLiteArticle(row interface{ Scan(...any) error }) (Article, error) {
	var a Article
	var published, stored sql.NullInt64
	err := row.Scan(&a.Seq, &a.ID, &a.URL, &a.Canonical, &a.Hash, &a.Outlet, &a.Title, &published, &a.Text,
		&a.Feed, &stored, &a.StoryID, &a.ClusterSeq)
	a.Published, a.Stored = goTime(published), goTime(stored)
	return a, err
}

// The reads of articles by key, each on an index (TestSQLitePlans).
const (
	sqliteArticle       = `SELECT ` + sqliteArticleCols + ` FROM articles WHERE id = ?`
	sqliteStoryArticles = `SELECT ` + sqliteArticleCols + ` FROM articles WHERE story_id = ? ORDER BY cluster_seq`
	sqliteUnclustered   = `SELECT ` + sqliteArticleCols + ` FROM articles WHERE cluster_seq IS NULL ORDER BY seq LIMIT ?`
	sqliteClusterLog    = `SELECT ` + sqliteArticleCols + ` FROM articles WHERE cluster_seq > ? ORDER BY cluster_seq LIMIT ?`
	sqliteStory         = `SELECT ` + sqliteStoryCols + ` FROM stories s WHERE s.id = ?`
	sqliteBrief         = `SELECT brief, at FROM briefs WHERE story_id = ?`
	sqliteFindArticle   = `SELECT id, seq FROM articles WHERE canonical = ?1
		UNION ALL SELECT id, seq FROM articles WHERE hash = ?2 LIMIT 1`
)

func (s *SQLite) articles(ctx context.Context, what, query string, args ...any) ([]Article, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanSQLiteArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return out, nil
}

// Article returns one article by id.
func (s *SQLite) Article(ctx context.Context, id string) (Article, error) {
	a, err := scanSQLiteArticle(s.r.QueryRowContext(ctx, sqliteArticle, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("store: article %q: %w", clip(id), ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: article %q: %w", clip(id), err)
	}
	return a, nil
}

// StoryArticles returns a story's articles in ClusterSeq order.
func (s *SQLite) StoryArticles(ctx context.Context, storyID string) ([]Article, error) {
	return s.articles(ctx, "story articles", sqliteStoryArticles, storyID)
}

// Unclustered returns up to limit articles not yet clustered, in Seq order.
func (s *SQLite) Unclustered(ctx context.Context, limit int) ([]Article, error) {
	return s.articles(ctx, "unclustered", sqliteUnclustered, max(limit, 0))
}

// ClusterLog returns up to limit articles clustered after the given place
// in the log, in log order.
func (s *SQLite) ClusterLog(ctx context.Context, after int64, limit int) ([]Article, error) {
	return s.articles(ctx, "cluster log", sqliteClusterLog, after, max(limit, 0))
}

// LastClusterSeq returns the greatest ClusterSeq stored, 0 when none.
func (s *SQLite) LastClusterSeq(ctx context.Context) (int64, error) {
	var n int64
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(cluster_seq), 0) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: last cluster seq: %w", err)
	}
	return n, nil
}

// LockClustering takes the clustering lock, a mutex of this process (see
// SQLite): it waits until the lock is free or ctx is done.
func (s *SQLite) LockClustering(ctx context.Context) (func(), error) {
	select {
	case s.lock <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("store: lock clustering: %w", ctx.Err())
	}
	var once sync.Once
	return func() { once.Do(func() { <-s.lock }) }, nil
}

// SaveClustering stores one clustering step in one transaction.
func (s *SQLite) SaveClustering(ctx context.Context, c Clustering) error {
	c, err := checkClustering(c, s.now())
	if err != nil {
		return fmt.Errorf("store: save clustering: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		assign, err := tx.PrepareContext(ctx, `UPDATE articles SET story_id = ?, cluster_seq = ? WHERE id = ? AND cluster_seq IS NULL`)
		if err != nil {
			return err
		}
		defer assign.Close()
		for _, a := range c.Assign {
			res, err := assign.ExecContext(ctx, a.StoryID, a.ClusterSeq, a.ArticleID)
			if err != nil {
				if strings.Contains(err.Error(), "UNIQUE constraint failed") {
					return fmt.Errorf("%w: cluster seq %d of article %q is already used", ErrConflict, a.ClusterSeq, clip(a.ArticleID))
				}
				return fmt.Errorf("article %q: %w", clip(a.ArticleID), err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				continue
			}
			var seq int64
			err = tx.QueryRowContext(ctx, `SELECT coalesce(cluster_seq, 0) FROM articles WHERE id = ?`, a.ArticleID).Scan(&seq)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("article %q: %w", clip(a.ArticleID), ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("article %q: %w", clip(a.ArticleID), err)
			}
			return fmt.Errorf("%w: article %q is already clustered (cluster seq %d)", ErrConflict, clip(a.ArticleID), seq)
		}
		for _, st := range c.Stories {
			outlets, err := json.Marshal(st.Outlets)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO stories
				(id, headline, articles, outlets, reports, first_at, last_at, updated_at, rank_key)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
				ON CONFLICT (id) DO UPDATE SET headline = ?2, articles = ?3, outlets = ?4, reports = ?5,
					first_at = ?6, last_at = ?7, updated_at = ?8, rank_key = ?9`,
				st.ID, st.Headline, st.Articles, string(outlets), st.Reports, sqlTime(st.First), sqlTime(st.Last),
				st.Updated.UnixMicro(), rankKey(st.Reports, st.Updated, st.ID)); err != nil {
				return fmt.Errorf("story %q: %w", clip(st.ID), err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM story_outlets WHERE story_id = ?`, st.ID); err != nil {
				return fmt.Errorf("story %q: %w", clip(st.ID), err)
			}
			for _, o := range uniq(st.Outlets) {
				if _, err := tx.ExecContext(ctx, `INSERT INTO story_outlets (outlet, story_id) VALUES (?, ?)`, o, st.ID); err != nil {
					return fmt.Errorf("story %q: %w", clip(st.ID), err)
				}
			}
		}
		for from, to := range c.Merged {
			for _, q := range []string{
				`UPDATE articles SET story_id = ?2 WHERE story_id = ?1`,
				`DELETE FROM story_outlets WHERE story_id = ?1`,
				`DELETE FROM briefs WHERE story_id = ?1`,
				`DELETE FROM stories WHERE id = ?1`,
			} {
				if _, err := tx.ExecContext(ctx, q, from, to); err != nil {
					return fmt.Errorf("merge of story %q into %q: %w", clip(from), clip(to), err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save clustering: %w", err)
	}
	return nil
}

const sqliteStoryCols = `s.id, s.headline, s.articles, s.outlets, s.reports, s.first_at, s.last_at, s.updated_at, s.briefed_at, s.rank_key`

func scanSQLiteStory(row interface{ Scan(...any) error }) (Story, string, error) {
	var st Story
	var outlets, key string
	var first, last, updated, briefed sql.NullInt64
	if err := row.Scan(&st.ID, &st.Headline, &st.Articles, &outlets, &st.Reports, &first, &last, &updated, &briefed, &key); err != nil {
		return st, "", err
	}
	if err := json.Unmarshal([]byte(outlets), &st.Outlets); err != nil {
		return st, "", fmt.Errorf("story %q: outlets: %w", clip(st.ID), err)
	}
	st.First, st.Last, st.Updated, st.Briefed = goTime(first), goTime(last), goTime(updated), goTime(briefed)
	return st, key, nil
}

// sqliteStories returns the query listing stories, "" when it is known to
// select nothing.
func sqliteStories(q StoryQuery, limit int) (string, []any, error) {
	var where []string
	var args []any
	if q.Cursor != "" {
		key, err := decodeCursor(q.Cursor)
		if err != nil {
			return "", nil, err
		}
		where, args = append(where, `s.rank_key > ?`), append(args, key)
	}
	if !q.Since.IsZero() {
		where, args = append(where, `s.updated_at >= ?`), append(args, q.Since.UnixMicro())
	}
	if !q.Until.IsZero() {
		where, args = append(where, `s.updated_at < ?`), append(args, q.Until.UnixMicro())
	}
	if q.Outlet != "" {
		where, args = append(where, `EXISTS (SELECT 1 FROM story_outlets o WHERE o.outlet = ? AND o.story_id = s.id)`), append(args, q.Outlet)
	}
	if q.Query != "" {
		if err := checkQuery(q.Query); err != nil {
			return "", nil, err
		}
		sq := parseSearch(q.Query)
		if sq.empty() {
			return "", nil, nil
		}
		where = append(where, `s.id IN (SELECT a.story_id FROM articles_fts f JOIN articles a ON a.seq = f.rowid
			WHERE articles_fts MATCH ? AND a.story_id IS NOT NULL)`)
		args = append(args, sq.fts5())
	}
	query := `SELECT ` + sqliteStoryCols + ` FROM stories s`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY s.rank_key LIMIT ?`
	return query, append(args, limit+1), nil
}

// Stories lists stories, ranked, one page at a time.
func (s *SQLite) Stories(ctx context.Context, q StoryQuery) (StoryPage, error) {
	limit := limitOf(q.Limit)
	query, args, err := sqliteStories(q, limit)
	if err != nil {
		return StoryPage{}, fmt.Errorf("store: stories: %w", err)
	}
	if query == "" {
		return StoryPage{Stories: []Story{}}, nil
	}
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return StoryPage{}, fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	page := StoryPage{Stories: []Story{}}
	var keys []string
	for rows.Next() {
		st, key, err := scanSQLiteStory(rows)
		if err != nil {
			return StoryPage{}, fmt.Errorf("store: stories: %w", err)
		}
		page.Stories, keys = append(page.Stories, st), append(keys, key)
	}
	if err := rows.Err(); err != nil {
		return StoryPage{}, fmt.Errorf("store: stories: %w", err)
	}
	if len(page.Stories) > limit {
		page.Stories = page.Stories[:limit]
		page.Next = encodeCursor(keys[limit-1])
	}
	return page, nil
}

// Story returns one story.
func (s *SQLite) Story(ctx context.Context, id string) (Story, error) {
	st, _, err := scanSQLiteStory(s.r.QueryRowContext(ctx, sqliteStory, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Story{}, fmt.Errorf("store: story %q: %w", clip(id), ErrNotFound)
	}
	if err != nil {
		return Story{}, fmt.Errorf("store: story %q: %w", clip(id), err)
	}
	return st, nil
}

// PutBrief stores a story's brief unless a newer one is stored.
func (s *SQLite) PutBrief(ctx context.Context, storyID string, at time.Time, brief []byte) error {
	if err := checkBrief(storyID, at, brief); err != nil {
		return fmt.Errorf("store: put brief: %w", err)
	}
	at = micro(at)
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE stories SET briefed_at = ?1
			WHERE id = ?2 AND (briefed_at IS NULL OR briefed_at < ?1)`, at.UnixMicro(), storyID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, storyID).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("story %q: %w", clip(storyID), ErrNotFound)
			}
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO briefs (story_id, at, brief) VALUES (?1, ?2, ?3)
			ON CONFLICT (story_id) DO UPDATE SET at = ?2, brief = ?3 WHERE briefs.at < ?2`, storyID, at.UnixMicro(), brief)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: put brief: %w", err)
	}
	return nil
}

// Brief returns a story's latest brief and when it was built.
func (s *SQLite) Brief(ctx context.Context, storyID string) ([]byte, time.Time, error) {
	var b []byte
	var at sql.NullInt64
	err := s.r.QueryRowContext(ctx, sqliteBrief, storyID).Scan(&b, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, fmt.Errorf("store: brief of story %q: %w", clip(storyID), ErrNotFound)
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("store: brief of story %q: %w", clip(storyID), err)
	}
	return b, goTime(at), nil
}

// Search finds articles by full-text query, best first.
func (s *SQLite) Search(ctx context.Context, query string, limit, offset int) ([]Hit, error) {
	limit, err := checkSearch(query, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	q := parseSearch(query)
	if q.empty() {
		return []Hit{}, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, coalesce(a.story_id, ''), a.outlet, a.title, a.url, a.published,
			snippet(articles_fts, 1, '', '', '…', 24)
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT ? OFFSET ?`, q.fts5(), limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", clip(query), err)
	}
	defer rows.Close()
	hits := []Hit{}
	for rows.Next() {
		var h Hit
		var published sql.NullInt64
		if err := rows.Scan(&h.ID, &h.StoryID, &h.Outlet, &h.Title, &h.URL, &published, &h.Snippet); err != nil {
			return nil, fmt.Errorf("store: search %q: %w", clip(query), err)
		}
		h.Published = goTime(published)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", clip(query), err)
	}
	return hits, nil
}

// AddFeed adds a feed, or updates its title and category.
func (s *SQLite) AddFeed(ctx context.Context, f Feed) error {
	f, err := checkFeed(f, s.now())
	if err != nil {
		return fmt.Errorf("store: add feed: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, category, state, added) VALUES (?1, ?2, ?3, ?4, ?5)
			ON CONFLICT (url) DO UPDATE SET title = ?2, category = ?3`, f.URL, f.Title, f.Category, f.State, f.Added.UnixMicro())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: add feed %q: %w", clip(f.URL), err)
	}
	return nil
}

// Feeds lists the followed feeds by URL.
func (s *SQLite) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT url, title, category, state, added FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	feeds := []Feed{}
	for rows.Next() {
		var f Feed
		var added sql.NullInt64
		if err := rows.Scan(&f.URL, &f.Title, &f.Category, &f.State, &added); err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		f.Added = goTime(added)
		feeds = append(feeds, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	return feeds, nil
}

// RemoveFeed stops following a feed; its articles stay.
func (s *SQLite) RemoveFeed(ctx context.Context, feedURL string) error {
	return s.feedWrite(ctx, "remove feed", feedURL, `DELETE FROM feeds WHERE url = ?1`)
}

// SaveFeedState stores a feed's polling state.
func (s *SQLite) SaveFeedState(ctx context.Context, feedURL string, state []byte) error {
	if len(state) > MaxBrief {
		return fmt.Errorf("store: save feed state %q: %w: %d bytes, over the limit of %d", clip(feedURL), ErrInvalid, len(state), MaxBrief)
	}
	return s.feedWrite(ctx, "save feed state", feedURL, `UPDATE feeds SET state = ?2 WHERE url = ?1`, state)
}

// feedWrite runs one statement on one feed, ErrNotFound when no row
// changed.
func (s *SQLite) feedWrite(ctx context.Context, what, feedURL, stmt string, args ...any) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, stmt, append([]any{feedURL}, args...)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: %s %q: %w", what, clip(feedURL), err)
	}
	return nil
}

// Counts returns totals.
func (s *SQLite) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE cluster_seq IS NULL),
		(SELECT count(*) FROM stories), (SELECT count(*) FROM feeds)`).Scan(&c.Articles, &c.Unclustered, &c.Stories, &c.Feeds)
	if err != nil {
		return Counts{}, fmt.Errorf("store: counts: %w", err)
	}
	return c, nil
}

// Ping checks the database file can be read.
func (s *SQLite) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, `SELECT 1 FROM schema_migrations LIMIT 1`).Scan(&one); err != nil {
		return fmt.Errorf("store: ping %s: %w", s.path, err)
	}
	return nil
}

// Close closes the database.
func (s *SQLite) Close() error {
	var err error
	if s.r != nil {
		err = s.r.Close()
	}
	return errors.Join(err, s.w.Close())
}
