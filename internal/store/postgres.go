package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Postgres is the Store in a PostgreSQL database, shared by any number of
// processes on any number of machines.
//
// Articles are inserted with ON CONFLICT DO NOTHING on their three unique
// keys (id, canonical URL, text hash), so concurrent writers of one article
// store it once. The clustering lock is a session-level advisory lock held
// on one pooled connection: it excludes every other process, and it goes
// with the connection if the process dies. Full-text search runs on a
// generated tsvector column with a GIN index.
type Postgres struct {
	pool     *pgxpool.Pool
	now      func() time.Time
	migrated int
}

var _ Store = (*Postgres)(nil)

// Advisory lock keys: one for migrating at Open, one for clustering.
const (
	migrateLockKey    int64 = 0x70617261_6d696772 // "paramigr"
	clusteringLockKey int64 = 0x70617261_636c7573 // "paraclus"
)

// pgMaxConns is the pool size when the address does not set
// pool_max_conns: the clustering lock holds one connection, River's
// workers share the rest.
const pgMaxConns = 20

// OpenPostgres connects to the PostgreSQL database at a postgres:// URL
// (pgx's pool_* parameters are honoured) and brings its schema up to
// date. Several processes may open one database at once: migrating is
// serialized by an advisory lock.
func OpenPostgres(ctx context.Context, dsn string) (*Postgres, error) {
	name := redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: postgres %s: %w", name, err)
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = pgMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: postgres %s: %w", name, err)
	}
	p := &Postgres{pool: pool, now: time.Now}
	if err := p.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: postgres %s: %w", name, err)
	}
	return p, nil
}

// redact returns a database address without its password, for messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable address)"
	}
	return u.Redacted()
}

// Pool returns the connection pool, so that River can share it.
func (p *Postgres) Pool() *pgxpool.Pool { return p.pool }

// migrate applies the pending migrations in one transaction, holding an
// advisory lock so that processes opening the database together migrate
// it once.
func (p *Postgres) migrate(ctx context.Context) error {
	ms, err := migrations("postgres")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLockKey); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL)`); err != nil {
			return fmt.Errorf("schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("schema version: %w", err)
		}
		todo, err := pending(ms, current)
		if err != nil {
			return err
		}
		for _, m := range todo {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)`,
				m.version, m.name, p.now()); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		p.migrated = len(todo)
		return nil
	})
}

// retry runs a transaction, again when PostgreSQL aborted it for a
// deadlock or a serialization failure (concurrent writers of the same
// articles can deadlock on the unique indexes).
func (p *Postgres) retry(ctx context.Context, fn func(tx pgx.Tx) error) error {
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		err = pgx.BeginFunc(ctx, p.pool, fn)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "40P01" && pe.Code != "40001" {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt+1) * 5 * time.Millisecond):
		}
	}
	return err
}

func pgTime(t time.Time) pgtype.Timestamptz {
	return pgtype.Timestamptz{Time: t, Valid: !t.IsZero()}
}

func goPgTime(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// PutArticles stores articles in one transaction: the stored duplicates are
// found with one query, the new articles inserted with another, and only
// articles that a concurrent writer stored meanwhile, or whose id is taken,
// are handled one by one.
func (p *Postgres) PutArticles(ctx context.Context, articles []Article) ([]Put, error) {
	if len(articles) == 0 {
		return nil, nil
	}
	b, err := prepare(articles, p.now())
	if err != nil {
		return nil, fmt.Errorf("store: put articles: %w", err)
	}
	var puts []Put
	err = p.retry(ctx, func(tx pgx.Tx) error {
		puts = make([]Put, len(articles))
		done := make([]bool, len(articles))
		choice := make([]int, len(articles)) // index into b.ids[i]
		// The stored duplicates.
		var canons, hashes, ids []string
		for i, a := range b.arts {
			if b.same[i] < 0 {
				if a.Canonical != "" {
					canons = append(canons, a.Canonical)
				}
				hashes = append(hashes, a.Hash)
				ids = append(ids, b.ids[i]...)
			}
		}
		rows, err := tx.Query(ctx, `SELECT id, seq, coalesce(canonical, ''), hash FROM articles
			WHERE canonical = ANY($1) OR hash = ANY($2)`, canons, hashes)
		if err != nil {
			return err
		}
		byCanon, byHash := map[string]Put{}, map[string]Put{}
		for rows.Next() {
			var put Put
			var c, h string
			if err := rows.Scan(&put.ID, &put.Seq, &c, &h); err != nil {
				return err
			}
			if c != "" {
				byCanon[c] = put
			}
			byHash[h] = put
		}
		if err := rows.Err(); err != nil {
			return err
		}
		// The ids already taken.
		taken := map[string]bool{}
		rows, err = tx.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			taken[id] = true
		}
		if err := rows.Err(); err != nil {
			return err
		}
		// The new articles, inserted together in batch order.
		var ins []int
		for i, a := range b.arts {
			if b.same[i] >= 0 {
				continue
			}
			if put, ok := byCanon[a.Canonical]; ok && a.Canonical != "" {
				puts[i], done[i] = put, true
				continue
			}
			if put, ok := byHash[a.Hash]; ok {
				puts[i], done[i] = put, true
				continue
			}
			for choice[i] < len(b.ids[i])-1 && taken[b.ids[i][choice[i]]] {
				choice[i]++
			}
			taken[b.ids[i][choice[i]]] = true
			ins = append(ins, i)
		}
		if len(ins) > 0 {
			if err := p.insert(ctx, tx, b, ins, choice, puts, done); err != nil {
				return err
			}
		}
		// What a concurrent writer stored meanwhile, or an id taken after
		// all: one by one.
		for i := range b.arts {
			if b.same[i] >= 0 || done[i] {
				continue
			}
			if err := p.insertOne(ctx, tx, b, i, puts); err != nil {
				return err
			}
		}
		for i := range b.arts {
			if j := b.same[i]; j >= 0 {
				puts[i] = Put{ID: puts[j].ID, Seq: puts[j].Seq}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: put articles: %w", err)
	}
	return puts, nil
}

// insert inserts the articles ins of a batch with one statement, marking
// those inserted done.
func (p *Postgres) insert(ctx context.Context, tx pgx.Tx, b *batch, ins, choice []int, puts []Put, done []bool) error {
	n := len(ins)
	ids, urls, canons, hashes := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	outlets, titles, texts, feeds := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	published, stored := make([]pgtype.Timestamptz, n), make([]pgtype.Timestamptz, n)
	index := make(map[string]int, n)
	for k, i := range ins {
		a := b.arts[i]
		ids[k] = b.ids[i][choice[i]]
		urls[k], canons[k], hashes[k], outlets[k] = a.URL, a.Canonical, a.Hash, a.Outlet
		titles[k], texts[k], feeds[k] = a.Title, a.Text, a.Feed
		published[k], stored[k] = pgTime(a.Published), pgTime(a.Stored)
		index[ids[k]] = i
	}
	rows, err := tx.Query(ctx, `INSERT INTO articles
			(id, url, canonical, hash, outlet, title, published, body, feed, stored)
		SELECT id, url, nullif(canonical, ''), hash, outlet, title, published, body, feed, stored
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
			$7::timestamptz[], $8::text[], $9::text[], $10::timestamptz[]) WITH ORDINALITY
			AS t(id, url, canonical, hash, outlet, title, published, body, feed, stored, ord)
		ORDER BY ord
		ON CONFLICT DO NOTHING
		RETURNING id, seq`, ids, urls, canons, hashes, outlets, titles, published, texts, feeds, stored)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var seq int64
		if err := rows.Scan(&id, &seq); err != nil {
			return err
		}
		i := index[id]
		puts[i], done[i] = Put{ID: id, Seq: seq, Created: true}, true
	}
	return rows.Err()
}

// insertOne stores article i of a batch alone: the stored duplicate when
// there is one now, else the article under the first of its ids that is
// free.
func (p *Postgres) insertOne(ctx context.Context, tx pgx.Tx, b *batch, i int, puts []Put) error {
	a := b.arts[i]
	for _, id := range b.ids[i] {
		var put Put
		err := tx.QueryRow(ctx, pgFindArticle, a.Canonical, a.Hash).Scan(&put.ID, &put.Seq)
		if err == nil {
			puts[i] = put
			return nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("article %q: %w", clip(a.ID), err)
		}
		err = tx.QueryRow(ctx, `INSERT INTO articles
				(id, url, canonical, hash, outlet, title, published, body, feed, stored)
			VALUES ($1, $2, nullif($3, ''), $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT DO NOTHING RETURNING seq`,
			id, a.URL, a.Canonical, a.Hash, a.Outlet, a.Title, pgTime(a.Published), a.Text, a.Feed, pgTime(a.Stored)).Scan(&put.Seq)
		if err == nil {
			puts[i] = Put{ID: id, Seq: put.Seq, Created: true}
			return nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("article %q: %w", clip(a.ID), err)
		}
		// A conflict: a duplicate stored meanwhile (found on the next
		// round) or this id taken.
	}
	return fmt.Errorf("article %q: every id it could take is taken", clip(a.ID))
}

const pgArticleCols = `seq, id, url, coalesce(canonical, ''), hash, outlet, title, published, body, feed, stored,
	coalesce(story_id, ''), coalesce(cluster_seq, 0)`

func scanPgArticle(row pgx.Row) (Article, error) {
	var a Article
	var published, stored pgtype.Timestamptz
	err := row.Scan(&a.Seq, &a.ID, &a.URL, &a.Canonical, &a.Hash, &a.Outlet, &a.Title, &published, &a.Text,
		&a.Feed, &stored, &a.StoryID, &a.ClusterSeq)
	a.Published, a.Stored = goPgTime(published), goPgTime(stored)
	return a, err
}

// The reads of articles by key, each on an index (TestPostgresPlans).
const (
	pgArticle       = `SELECT ` + pgArticleCols + ` FROM articles WHERE id = $1`
	pgStoryArticles = `SELECT ` + pgArticleCols + ` FROM articles WHERE story_id = $1 ORDER BY cluster_seq`
	pgUnclustered   = `SELECT ` + pgArticleCols + ` FROM articles WHERE cluster_seq IS NULL ORDER BY seq LIMIT $1`
	pgClusterLog    = `SELECT ` + pgArticleCols + ` FROM articles WHERE cluster_seq > $1 ORDER BY cluster_seq LIMIT $2`
	pgStory         = `SELECT ` + pgStoryCols + ` FROM stories s WHERE s.id = $1`
	pgBrief         = `SELECT brief, at FROM briefs WHERE story_id = $1`
	pgFindArticle   = `SELECT id, seq FROM articles WHERE canonical = $1
		UNION ALL SELECT id, seq FROM articles WHERE hash = $2 LIMIT 1`
)

func (p *Postgres) articles(ctx context.Context, what, query string, args ...any) ([]Article, error) {
	rows, err := p.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanPgArticle(rows)
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
func (p *Postgres) Article(ctx context.Context, id string) (Article, error) {
	a, err := scanPgArticle(p.pool.QueryRow(ctx, pgArticle, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Article{}, fmt.Errorf("store: article %q: %w", clip(id), ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: article %q: %w", clip(id), err)
	}
	return a, nil
}

// StoryArticles returns a story's articles in ClusterSeq order.
func (p *Postgres) StoryArticles(ctx context.Context, storyID string) ([]Article, error) {
	return p.articles(ctx, "story articles", pgStoryArticles, storyID)
}

// Unclustered returns up to limit articles not yet clustered, in Seq order.
func (p *Postgres) Unclustered(ctx context.Context, limit int) ([]Article, error) {
	return p.articles(ctx, "unclustered", pgUnclustered, max(limit, 0))
}

// ClusterLog returns up to limit articles clustered after the given place
// in the log, in log order.
func (p *Postgres) ClusterLog(ctx context.Context, after int64, limit int) ([]Article, error) {
	return p.articles(ctx, "cluster log", pgClusterLog, after, max(limit, 0))
}

// LastClusterSeq returns the greatest ClusterSeq stored, 0 when none.
func (p *Postgres) LastClusterSeq(ctx context.Context) (int64, error) {
	var n int64
	if err := p.pool.QueryRow(ctx, `SELECT coalesce(max(cluster_seq), 0) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: last cluster seq: %w", err)
	}
	return n, nil
}

// LockClustering takes the clustering lock shared by every process using
// the database: a session-level advisory lock on a connection taken from
// the pool and kept until unlock. If the process dies, the connection
// closes and the lock is released with it.
func (p *Postgres) LockClustering(ctx context.Context) (func(), error) {
	conn, err := p.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: lock clustering: %w", err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, clusteringLockKey); err != nil {
		// The lock may have been granted as the wait was cancelled: close
		// the connection so that it cannot go back to the pool holding it.
		discard(conn)
		return nil, fmt.Errorf("store: lock clustering: %w", err)
	}
	released := make(chan struct{})
	return func() {
		select {
		case <-released:
			return
		default:
			close(released)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_advisory_unlock($1)`, clusteringLockKey).Scan(&ok); err != nil || !ok {
			discard(conn)
			return
		}
		conn.Release()
	}, nil
}

// discard closes a pooled connection and gives it back to the pool, which
// drops it.
func discard(conn *pgxpool.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = conn.Conn().Close(ctx)
	conn.Release()
}

// SaveClustering stores one clustering step in one transaction.
func (p *Postgres) SaveClustering(ctx context.Context, c Clustering) error {
	c, err := checkClustering(c, p.now())
	if err != nil {
		return fmt.Errorf("store: save clustering: %w", err)
	}
	err = pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		if len(c.Assign) > 0 {
			ids, stories, seqs := make([]string, len(c.Assign)), make([]string, len(c.Assign)), make([]int64, len(c.Assign))
			for i, a := range c.Assign {
				ids[i], stories[i], seqs[i] = a.ArticleID, a.StoryID, a.ClusterSeq
			}
			tag, err := tx.Exec(ctx, `UPDATE articles a SET story_id = u.story, cluster_seq = u.seq
				FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(id, story, seq)
				WHERE a.id = u.id AND a.cluster_seq IS NULL`, ids, stories, seqs)
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "23505" {
				return fmt.Errorf("%w: a cluster seq of this step is already used: %s", ErrConflict, pe.Detail)
			}
			if err != nil {
				return err
			}
			if int(tag.RowsAffected()) != len(c.Assign) {
				return p.assignFailure(ctx, tx, ids, seqs)
			}
		}
		batch := &pgx.Batch{}
		for _, st := range c.Stories {
			batch.Queue(`INSERT INTO stories
				(id, headline, articles, outlets, reports, first_at, last_at, updated_at, rank_key)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
				ON CONFLICT (id) DO UPDATE SET headline = $2, articles = $3, outlets = $4, reports = $5,
					first_at = $6, last_at = $7, updated_at = $8, rank_key = $9`,
				st.ID, st.Headline, st.Articles, st.Outlets, st.Reports, pgTime(st.First), pgTime(st.Last),
				pgTime(st.Updated), rankKey(st.Reports, st.Updated, st.ID))
			batch.Queue(`DELETE FROM story_outlets WHERE story_id = $1`, st.ID)
			batch.Queue(`INSERT INTO story_outlets (outlet, story_id) SELECT o, $2 FROM unnest($1::text[]) AS o`,
				uniq(st.Outlets), st.ID)
		}
		for from, to := range c.Merged {
			batch.Queue(`UPDATE articles SET story_id = $2 WHERE story_id = $1`, from, to)
			batch.Queue(`DELETE FROM story_outlets WHERE story_id = $1`, from)
			batch.Queue(`DELETE FROM briefs WHERE story_id = $1`, from)
			batch.Queue(`DELETE FROM stories WHERE id = $1`, from)
		}
		if batch.Len() == 0 {
			return nil
		}
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return fmt.Errorf("store: save clustering: %w", err)
	}
	return nil
}

// assignFailure explains why some assignments changed no row: an unknown
// article, or one already clustered.
func (p *Postgres) assignFailure(ctx context.Context, tx pgx.Tx, ids []string, seqs []int64) error {
	rows, err := tx.Query(ctx, `SELECT u.id, coalesce(a.cluster_seq, 0), a.id IS NOT NULL
		FROM unnest($1::text[], $2::bigint[]) AS u(id, seq) LEFT JOIN articles a ON a.id = u.id
		WHERE a.id IS NULL OR a.cluster_seq <> u.seq`, ids, seqs)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() { // the first offending article names the failure
		var id string
		var seq int64
		var found bool
		if err := rows.Scan(&id, &seq, &found); err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("article %q: %w", clip(id), ErrNotFound)
		}
		return fmt.Errorf("%w: article %q is already clustered (cluster seq %d)", ErrConflict, clip(id), seq)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return fmt.Errorf("%w: an article of this step is already clustered", ErrConflict)
}

const pgStoryCols = `s.id, s.headline, s.articles, s.outlets, s.reports, s.first_at, s.last_at, s.updated_at, s.briefed_at, s.rank_key`

func scanPgStory(row pgx.Row) (Story, string, error) {
	var st Story
	var key string
	var first, last, updated, briefed pgtype.Timestamptz
	if err := row.Scan(&st.ID, &st.Headline, &st.Articles, &st.Outlets, &st.Reports, &first, &last, &updated, &briefed, &key); err != nil {
		return st, "", err
	}
	if st.Outlets == nil {
		st.Outlets = []string{}
	}
	st.First, st.Last, st.Updated, st.Briefed = goPgTime(first), goPgTime(last), goPgTime(updated), goPgTime(briefed)
	return st, key, nil
}

// pgStories returns the query listing stories, "" when it is known to
// select nothing.
func pgStories(q StoryQuery, limit int) (string, []any, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if q.Cursor != "" {
		key, err := decodeCursor(q.Cursor)
		if err != nil {
			return "", nil, err
		}
		where = append(where, `s.rank_key > `+arg(key))
	}
	if !q.Since.IsZero() {
		where = append(where, `s.updated_at >= `+arg(q.Since))
	}
	if !q.Until.IsZero() {
		where = append(where, `s.updated_at < `+arg(q.Until))
	}
	if q.Outlet != "" {
		where = append(where, `EXISTS (SELECT 1 FROM story_outlets o WHERE o.outlet = `+arg(q.Outlet)+` AND o.story_id = s.id)`)
	}
	if q.Query != "" {
		if err := checkQuery(q.Query); err != nil {
			return "", nil, err
		}
		sq := parseSearch(q.Query)
		if sq.empty() {
			return "", nil, nil
		}
		where = append(where, `s.id IN (SELECT a.story_id FROM articles a
			WHERE a.tsv @@ websearch_to_tsquery('english', `+arg(sq.websearch())+`) AND a.story_id IS NOT NULL)`)
	}
	query := `SELECT ` + pgStoryCols + ` FROM stories s`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY s.rank_key LIMIT ` + arg(limit+1)
	return query, args, nil
}

// Stories lists stories, ranked, one page at a time.
func (p *Postgres) Stories(ctx context.Context, q StoryQuery) (StoryPage, error) {
	limit := limitOf(q.Limit)
	query, args, err := pgStories(q, limit)
	if err != nil {
		return StoryPage{}, fmt.Errorf("store: stories: %w", err)
	}
	if query == "" {
		return StoryPage{Stories: []Story{}}, nil
	}
	rows, err := p.pool.Query(ctx, query, args...)
	if err != nil {
		return StoryPage{}, fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	page := StoryPage{Stories: []Story{}}
	var keys []string
	for rows.Next() {
		st, key, err := scanPgStory(rows)
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
func (p *Postgres) Story(ctx context.Context, id string) (Story, error) {
	st, _, err := scanPgStory(p.pool.QueryRow(ctx, pgStory, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Story{}, fmt.Errorf("store: story %q: %w", clip(id), ErrNotFound)
	}
	if err != nil {
		return Story{}, fmt.Errorf("store: story %q: %w", clip(id), err)
	}
	return st, nil
}

// PutBrief stores a story's brief unless a newer one is stored.
func (p *Postgres) PutBrief(ctx context.Context, storyID string, at time.Time, brief []byte) error {
	if err := checkBrief(storyID, at, brief); err != nil {
		return fmt.Errorf("store: put brief: %w", err)
	}
	at = micro(at)
	err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE stories SET briefed_at = $1
			WHERE id = $2 AND (briefed_at IS NULL OR briefed_at < $1)`, at, storyID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			var one int
			err := tx.QueryRow(ctx, `SELECT 1 FROM stories WHERE id = $1`, storyID).Scan(&one)
			if errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("story %q: %w", clip(storyID), ErrNotFound)
			}
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO briefs (story_id, at, brief) VALUES ($1, $2, $3)
			ON CONFLICT (story_id) DO UPDATE SET at = $2, brief = $3 WHERE briefs.at < $2`, storyID, at, brief)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: put brief: %w", err)
	}
	return nil
}

// Brief returns a story's latest brief and when it was built.
func (p *Postgres) Brief(ctx context.Context, storyID string) ([]byte, time.Time, error) {
	var b []byte
	var at pgtype.Timestamptz
	err := p.pool.QueryRow(ctx, pgBrief, storyID).Scan(&b, &at)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, time.Time{}, fmt.Errorf("store: brief of story %q: %w", clip(storyID), ErrNotFound)
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("store: brief of story %q: %w", clip(storyID), err)
	}
	return b, goPgTime(at), nil
}

// Search finds articles by full-text query, best first.
func (p *Postgres) Search(ctx context.Context, query string, limit, offset int) ([]Hit, error) {
	limit, err := checkSearch(query, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	q := parseSearch(query)
	if q.empty() {
		return []Hit{}, nil
	}
	// The headline is computed for the page only, after ranking.
	rows, err := p.pool.Query(ctx, `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
		page AS (
			SELECT a.seq, ts_rank_cd(a.tsv, q.q) AS rank FROM articles a, q
			WHERE a.tsv @@ q.q ORDER BY rank DESC, a.seq LIMIT $2 OFFSET $3)
		SELECT a.id, coalesce(a.story_id, ''), a.outlet, a.title, a.url, a.published,
			ts_headline('english', left(a.body, 65536), q.q,
				'StartSel="", StopSel="", MaxWords=30, MinWords=15, MaxFragments=1, FragmentDelimiter=" … "')
		FROM page JOIN articles a ON a.seq = page.seq, q
		ORDER BY page.rank DESC, page.seq`, q.websearch(), limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", clip(query), err)
	}
	defer rows.Close()
	hits := []Hit{}
	for rows.Next() {
		var h Hit
		var published pgtype.Timestamptz
		if err := rows.Scan(&h.ID, &h.StoryID, &h.Outlet, &h.Title, &h.URL, &published, &h.Snippet); err != nil {
			return nil, fmt.Errorf("store: search %q: %w", clip(query), err)
		}
		h.Published = goPgTime(published)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", clip(query), err)
	}
	return hits, nil
}

// AddFeed adds a feed, or updates its title and category.
func (p *Postgres) AddFeed(ctx context.Context, f Feed) error {
	f, err := checkFeed(f, p.now())
	if err != nil {
		return fmt.Errorf("store: add feed: %w", err)
	}
	if _, err := p.pool.Exec(ctx, `INSERT INTO feeds (url, title, category, state, added) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (url) DO UPDATE SET title = $2, category = $3`, f.URL, f.Title, f.Category, f.State, f.Added); err != nil {
		return fmt.Errorf("store: add feed %q: %w", clip(f.URL), err)
	}
	return nil
}

// Feeds lists the followed feeds by URL.
func (p *Postgres) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := p.pool.Query(ctx, `SELECT url, title, category, state, added FROM feeds ORDER BY url COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	feeds := []Feed{}
	for rows.Next() {
		var f Feed
		var added pgtype.Timestamptz
		if err := rows.Scan(&f.URL, &f.Title, &f.Category, &f.State, &added); err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		f.Added = goPgTime(added)
		feeds = append(feeds, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	return feeds, nil
}

// RemoveFeed stops following a feed; its articles stay.
func (p *Postgres) RemoveFeed(ctx context.Context, feedURL string) error {
	return p.feedWrite(ctx, "remove feed", feedURL, `DELETE FROM feeds WHERE url = $1`)
}

// SaveFeedState stores a feed's polling state.
func (p *Postgres) SaveFeedState(ctx context.Context, feedURL string, state []byte) error {
	if len(state) > MaxBrief {
		return fmt.Errorf("store: save feed state %q: %w: %d bytes, over the limit of %d", clip(feedURL), ErrInvalid, len(state), MaxBrief)
	}
	return p.feedWrite(ctx, "save feed state", feedURL, `UPDATE feeds SET state = $2 WHERE url = $1`, state)
}

// feedWrite runs one statement on one feed, ErrNotFound when no row
// changed.
func (p *Postgres) feedWrite(ctx context.Context, what, feedURL, stmt string, args ...any) error {
	tag, err := p.pool.Exec(ctx, stmt, append([]any{feedURL}, args...)...)
	if err != nil {
		return fmt.Errorf("store: %s %q: %w", what, clip(feedURL), err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: %s %q: %w", what, clip(feedURL), ErrNotFound)
	}
	return nil
}

// Counts returns totals.
func (p *Postgres) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := p.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE cluster_seq IS NULL),
		(SELECT count(*) FROM stories), (SELECT count(*) FROM feeds)`).Scan(&c.Articles, &c.Unclustered, &c.Stories, &c.Feeds)
	if err != nil {
		return Counts{}, fmt.Errorf("store: counts: %w", err)
	}
	return c, nil
}

// Ping checks the database answers.
func (p *Postgres) Ping(ctx context.Context) error {
	if err := p.pool.Ping(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Close closes the pool's connections.
func (p *Postgres) Close() error {
	p.pool.Close()
	return nil
}
