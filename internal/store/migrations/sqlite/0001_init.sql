-- Articles, stories with their outlets and briefs, feeds, and the full-text
-- index over article titles and texts. Times are microseconds since 1970 UTC.

CREATE TABLE articles (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT,
	id          TEXT    NOT NULL UNIQUE,
	url         TEXT    NOT NULL DEFAULT '',
	canonical   TEXT    UNIQUE,
	hash        TEXT    NOT NULL UNIQUE,
	outlet      TEXT    NOT NULL DEFAULT '',
	title       TEXT    NOT NULL DEFAULT '',
	published   INTEGER,
	text        TEXT    NOT NULL,
	feed        TEXT    NOT NULL DEFAULT '',
	stored      INTEGER NOT NULL,
	story_id    TEXT,
	cluster_seq INTEGER UNIQUE
);

-- Unclustered reads the articles waiting for the clusterer in Seq order
-- from the unique index on cluster_seq: its NULL entries are in rowid order.
-- StoryArticles reads a story's articles in log order.
CREATE INDEX articles_story ON articles (story_id, cluster_seq);

-- The full-text index is an external-content FTS5 table over articles,
-- kept in step by triggers in the inserting transaction.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- rank_key orders the story list: reports (descending), updated
-- (descending) and id, as one string, so a page continues with rank_key >
-- the cursor on one index.
CREATE TABLE stories (
	id         TEXT    PRIMARY KEY,
	headline   TEXT    NOT NULL DEFAULT '',
	articles   INTEGER NOT NULL DEFAULT 0,
	outlets    TEXT    NOT NULL DEFAULT '[]',
	reports    INTEGER NOT NULL DEFAULT 0,
	first_at   INTEGER,
	last_at    INTEGER,
	updated_at INTEGER NOT NULL,
	briefed_at INTEGER,
	rank_key   TEXT    NOT NULL UNIQUE
);
CREATE INDEX stories_updated ON stories (updated_at);

-- The outlets of each story, for the outlet filter.
CREATE TABLE story_outlets (
	outlet   TEXT NOT NULL,
	story_id TEXT NOT NULL,
	PRIMARY KEY (outlet, story_id)
) WITHOUT ROWID;
CREATE INDEX story_outlets_story ON story_outlets (story_id);

CREATE TABLE briefs (
	story_id TEXT    PRIMARY KEY,
	at       INTEGER NOT NULL,
	brief    BLOB    NOT NULL
);

CREATE TABLE feeds (
	url      TEXT    PRIMARY KEY,
	title    TEXT    NOT NULL DEFAULT '',
	category TEXT    NOT NULL DEFAULT '',
	state    BLOB,
	added    INTEGER NOT NULL
);
