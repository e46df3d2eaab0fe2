-- Extensions later migrations rely on: exclusion constraints over ranges with equality (btree_gist),
-- fuzzy and accent-insensitive search (pg_trgm, unaccent). All three are trusted extensions.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
