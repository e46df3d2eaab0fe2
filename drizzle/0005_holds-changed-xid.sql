ALTER TABLE "booking_unit" ADD COLUMN "changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_unit_changed_xid_idx" ON "booking_unit" USING btree ("changed_xid");--> statement-breakpoint
CREATE FUNCTION booking_unit_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.changed_xid := pg_current_xact_id();
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER booking_unit_written BEFORE INSERT OR UPDATE ON booking_unit
	FOR EACH ROW EXECUTE FUNCTION booking_unit_stamp_change();--> statement-breakpoint
-- A deleted hold leaves no row to find: instances that keep holds in memory reload them.
CREATE TRIGGER booking_unit_deleted AFTER DELETE OR TRUNCATE ON booking_unit
	FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_version();
