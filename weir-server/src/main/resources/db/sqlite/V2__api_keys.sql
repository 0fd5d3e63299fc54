-- API keys: only a SHA-256 of each key is kept; the key itself is shown once, at creation.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
) STRICT;
