CREATE TABLE "public_trails_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "public_trails_version_single_row" CHECK ("public_trails_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "public_trails_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
CREATE FUNCTION bump_public_trails_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE public_trails_version SET version = version + 1 WHERE id = 1;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER trail_publication_changed AFTER UPDATE OF published, published_at OR DELETE OR TRUNCATE ON trail FOR EACH STATEMENT EXECUTE FUNCTION bump_public_trails_version();--> statement-breakpoint
CREATE TRIGGER project_publication_changed AFTER INSERT OR UPDATE OF published, published_at OR DELETE OR TRUNCATE ON project FOR EACH STATEMENT EXECUTE FUNCTION bump_public_trails_version();--> statement-breakpoint
CREATE TRIGGER group_renamed AFTER UPDATE OF name, slug OR DELETE OR TRUNCATE ON "group" FOR EACH STATEMENT EXECUTE FUNCTION bump_public_trails_version();
