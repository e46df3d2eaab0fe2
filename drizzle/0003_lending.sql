CREATE TYPE "public"."booking_status" AS ENUM('requested', 'confirmed', 'checked_out', 'returned', 'cancelled', 'rejected', 'no_show');--> statement-breakpoint
CREATE TABLE "module_completion" (
	"user_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "module_completion_user_id_module_id_pk" PRIMARY KEY("user_id","module_id"),
	CONSTRAINT "module_completion_method_check" CHECK ("module_completion"."method" in ('quiz', 'in_person'))
);
--> statement-breakpoint
CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"user_id" uuid,
	"model_id" uuid,
	"kit_id" uuid,
	"site_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "booking_status" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"checked_out_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"pickup_reminder_sent_at" timestamp with time zone,
	"return_reminder_sent_at" timestamp with time zone,
	"overdue_notice_sent_at" timestamp with time zone,
	CONSTRAINT "booking_code_unique" UNIQUE("code"),
	CONSTRAINT "booking_code_check" CHECK ("booking"."code" ~ '^[A-HJ-NP-Z2-9]{6}$'),
	CONSTRAINT "booking_period_check" CHECK ("booking"."starts_at" < "booking"."ends_at"),
	CONSTRAINT "booking_item_check" CHECK (num_nonnulls("booking"."model_id", "booking"."kit_id") = 1),
	CONSTRAINT "booking_note_check" CHECK (length("booking"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "booking_unit" (
	"booking_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "booking_unit_booking_id_unit_id_pk" PRIMARY KEY("booking_id","unit_id"),
	CONSTRAINT "booking_unit_period_check" CHECK ("booking_unit"."starts_at" < "booking_unit"."blocked_until")
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_unique" UNIQUE("token"),
	CONSTRAINT "calendar_feed_token_check" CHECK (length("calendar_feed"."token") >= 32)
);
--> statement-breakpoint
CREATE TABLE "waitlist_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"model_id" uuid,
	"kit_id" uuid,
	"site_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "waitlist_entry_unique" UNIQUE NULLS NOT DISTINCT("user_id","model_id","kit_id","site_id","starts_at","ends_at"),
	CONSTRAINT "waitlist_period_check" CHECK ("waitlist_entry"."starts_at" < "waitlist_entry"."ends_at"),
	CONSTRAINT "waitlist_item_check" CHECK (num_nonnulls("waitlist_entry"."model_id", "waitlist_entry"."kit_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "training_module" ADD COLUMN "quiz" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "equipment_model" ADD COLUMN "photos" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "module_completion" ADD CONSTRAINT "module_completion_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "module_completion" ADD CONSTRAINT "module_completion_module_id_training_module_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."training_module"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "module_completion" ADD CONSTRAINT "module_completion_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_model_id_equipment_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."equipment_model"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_kit_id_kit_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."kit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_unit" ADD CONSTRAINT "booking_unit_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_unit" ADD CONSTRAINT "booking_unit_unit_id_equipment_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."equipment_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_model_id_equipment_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."equipment_model"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_kit_id_kit_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."kit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_user_idx" ON "booking" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_site_start_idx" ON "booking" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_status_idx" ON "booking" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "waitlist_pending_idx" ON "waitlist_entry" USING btree ("starts_at") WHERE "waitlist_entry"."notified_at" is null;--> statement-breakpoint
-- No unit is ever held twice: the period includes the turnaround buffer, and only bookings in an
-- active state hold their units. This is the last word over every check made in code.
ALTER TABLE "booking_unit" ADD CONSTRAINT "booking_unit_no_overlap" EXCLUDE USING gist ("unit_id" WITH =, tstzrange("starts_at", "blocked_until", '[)') WITH &&) WHERE ("active");--> statement-breakpoint
-- "What is free between A and B" across every unit looks periods up without a unit first.
CREATE INDEX "booking_unit_active_period_idx" ON "booking_unit" USING gist (tstzrange("starts_at", "blocked_until", '[)')) WHERE "active";--> statement-breakpoint
CREATE FUNCTION booking_status_is_active(status booking_status) RETURNS boolean
	LANGUAGE sql IMMUTABLE AS $$ SELECT status IN ('requested', 'confirmed', 'checked_out') $$;--> statement-breakpoint
-- booking_unit.active mirrors its booking's status, whichever code path changes it.
CREATE FUNCTION booking_unit_follow_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE booking_unit SET active = booking_status_is_active(NEW.status) WHERE booking_id = NEW.id;
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER booking_status_changed AFTER UPDATE OF status ON booking
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION booking_unit_follow_status();--> statement-breakpoint
CREATE FUNCTION booking_unit_starts_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.active := booking_status_is_active((SELECT status FROM booking WHERE id = NEW.booking_id));
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER booking_unit_inserted BEFORE INSERT ON booking_unit
	FOR EACH ROW EXECUTE FUNCTION booking_unit_starts_active();
