-- dyad event store, SQLite schema. The PostgreSQL schema
-- (postgres/migrations) has the same tables and columns; package store
-- holds the one implementation that reads and writes them.

-- Key-value settings of the store, such as the clustering window.
CREATE TABLE meta (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- One row per document id; a changed document is updated in place.
CREATE TABLE documents (
	pk           INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	date         TEXT NOT NULL,  -- publication date, YYYY-MM-DD
	url          TEXT NOT NULL,
	title        TEXT NOT NULL,
	source       TEXT NOT NULL,
	body         TEXT NOT NULL,
	hash         TEXT NOT NULL,  -- store.ContentHash
	dict_version TEXT NOT NULL,  -- store.DictVersion of the dictionaries it was coded with
	origin       TEXT NOT NULL   -- where it was read from
);

-- Full-text index over titles and bodies. The store adds each batch's
-- documents in one statement (FTS5 writes its index at every statement, so
-- per-row triggers would cost more than the rest of an ingest).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='documents', content_rowid='pk');

-- One row per coded event record (a mention: one sentence saying that
-- something happened). record is the full dyad.Event JSON; the other
-- columns are what clustering and queries read.
CREATE TABLE mentions (
	pk        INTEGER PRIMARY KEY,
	doc_pk    INTEGER NOT NULL REFERENCES documents (pk),
	ord       INTEGER NOT NULL,  -- position among the document's records
	id        TEXT NOT NULL,     -- the record's id
	key       TEXT NOT NULL,     -- store.MentionKey: what mentions of one event share
	day       INTEGER NOT NULL,  -- event date as days since 1970-01-01
	date      TEXT NOT NULL,
	doc_date  TEXT NOT NULL,
	type      TEXT NOT NULL,
	cameo     TEXT NOT NULL,
	negated   INTEGER NOT NULL,
	aux       TEXT NOT NULL,
	actor     TEXT NOT NULL,     -- CAMEO codes of the actors, ";"-joined
	recipient TEXT NOT NULL,
	terms     TEXT NOT NULL,     -- "ROLE:TERM" lines the actor filters match (see event_terms)
	event_pk  INTEGER,           -- the event it belongs to
	record    TEXT NOT NULL
);
CREATE INDEX mentions_key_day ON mentions (key, day);
CREATE INDEX mentions_doc ON mentions (doc_pk);
CREATE INDEX mentions_event ON mentions (event_pk);
CREATE INDEX mentions_day ON mentions (day, pk);

-- The actors and recipients of each mention, with their offsets.
CREATE TABLE mention_entities (
	mention_pk   INTEGER NOT NULL REFERENCES mentions (pk),
	role         TEXT NOT NULL,  -- A actor, R recipient
	idx          INTEGER NOT NULL,
	text         TEXT NOT NULL,
	name         TEXT NOT NULL,
	code         TEXT NOT NULL,
	sector       TEXT NOT NULL,
	cameo        TEXT NOT NULL,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	PRIMARY KEY (mention_pk, role, idx)
);

-- De-duplicated events: clusters of mentions of one key whose days chain
-- within the window. The event shows its representative mention (rep_pk).
CREATE TABLE events (
	pk         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL,
	first_day  INTEGER NOT NULL,  -- first and last mention day; the event's date is first_day
	last_day   INTEGER NOT NULL,
	type       TEXT NOT NULL,
	cameo      TEXT NOT NULL,
	negated    INTEGER NOT NULL,
	aux        TEXT NOT NULL,
	actor      TEXT NOT NULL,
	recipient  TEXT NOT NULL,
	mentions   INTEGER NOT NULL,
	sources    INTEGER NOT NULL,  -- distinct documents
	first_seen TEXT NOT NULL,     -- earliest and latest publication date of those documents
	last_seen  TEXT NOT NULL,
	rep_pk     INTEGER NOT NULL
);
CREATE INDEX events_key_day ON events (key, first_day);
CREATE INDEX events_day ON events (first_day, pk);
CREATE INDEX events_type_day ON events (type, first_day);

-- What the actor filters look events up by: per event and role (A, R) each
-- country code, CAMEO actor code and "n:"-prefixed lower-case name of any
-- of its mentions, with the event's day so that actor + date range is one
-- index range.
CREATE TABLE event_terms (
	role     TEXT NOT NULL,
	term     TEXT NOT NULL,
	day      INTEGER NOT NULL,
	event_pk INTEGER NOT NULL,
	PRIMARY KEY (role, term, day, event_pk)
) WITHOUT ROWID;
CREATE INDEX event_terms_event ON event_terms (event_pk);

-- Every name term ever stored, for name-substring look-ups.
CREATE TABLE names (
	term TEXT PRIMARY KEY
) WITHOUT ROWID;
