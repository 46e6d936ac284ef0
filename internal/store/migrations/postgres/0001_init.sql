-- Articles, stories with their outlets and briefs, feeds, and the full-text
-- index over article titles and texts.

CREATE TABLE articles (
	seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id          text        NOT NULL UNIQUE,
	url         text        NOT NULL DEFAULT '',
	canonical   text        UNIQUE,
	hash        text        NOT NULL UNIQUE,
	outlet      text        NOT NULL DEFAULT '',
	title       text        NOT NULL DEFAULT '',
	published   timestamptz,
	body        text        NOT NULL,
	feed        text        NOT NULL DEFAULT '',
	stored      timestamptz NOT NULL,
	story_id    text,
	cluster_seq bigint      UNIQUE,
	-- The first 256 Ki characters are indexed: a tsvector holds at most
	-- 1 MB, which a long text of distinct words could pass.
	tsv         tsvector    GENERATED ALWAYS AS
		(to_tsvector('english'::regconfig, left(title || ' ' || body, 262144))) STORED
);

CREATE INDEX articles_unclustered ON articles (seq) WHERE cluster_seq IS NULL;
CREATE INDEX articles_story ON articles (story_id, cluster_seq);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- rank_key orders the story list: reports (descending), updated
-- (descending) and id, as one string, so a page continues with rank_key >
-- the cursor on one index.
CREATE TABLE stories (
	id         text        PRIMARY KEY,
	headline   text        NOT NULL DEFAULT '',
	articles   integer     NOT NULL DEFAULT 0,
	outlets    text[]      NOT NULL DEFAULT '{}',
	reports    integer     NOT NULL DEFAULT 0,
	first_at   timestamptz,
	last_at    timestamptz,
	updated_at timestamptz NOT NULL,
	briefed_at timestamptz,
	rank_key   text        COLLATE "C" NOT NULL UNIQUE
);
CREATE INDEX stories_updated ON stories (updated_at);

-- The outlets of each story, for the outlet filter.
CREATE TABLE story_outlets (
	outlet   text NOT NULL,
	story_id text NOT NULL,
	PRIMARY KEY (outlet, story_id)
);
CREATE INDEX story_outlets_story ON story_outlets (story_id);

CREATE TABLE briefs (
	story_id text        PRIMARY KEY,
	at       timestamptz NOT NULL,
	brief    bytea       NOT NULL
);

CREATE TABLE feeds (
	url      text        PRIMARY KEY,
	title    text        NOT NULL DEFAULT '',
	category text        NOT NULL DEFAULT '',
	state    bytea,
	added    timestamptz NOT NULL
);
