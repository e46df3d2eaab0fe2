CREATE TABLE "inventory_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_version_single_row" CHECK ("inventory_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "inventory_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
CREATE FUNCTION bump_inventory_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE inventory_version SET version = version + 1 WHERE id = 1;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER equipment_category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON equipment_category FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();--> statement-breakpoint
CREATE TRIGGER equipment_model_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON equipment_model FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();--> statement-breakpoint
CREATE TRIGGER equipment_unit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON equipment_unit FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();--> statement-breakpoint
CREATE TRIGGER kit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kit FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();--> statement-breakpoint
CREATE TRIGGER kit_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kit_item FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();--> statement-breakpoint
CREATE TRIGGER site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();
