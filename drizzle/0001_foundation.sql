CREATE TYPE "public"."staff_role" AS ENUM('desk', 'moderator', 'reviewer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."unit_status" AS ENUM('in_service', 'out_of_service', 'retired');--> statement-breakpoint
CREATE TABLE "account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"locale" text DEFAULT 'fr' NOT NULL,
	"notify_reminders" boolean DEFAULT true NOT NULL,
	"notify_waitlist" boolean DEFAULT true NOT NULL,
	"notify_applications" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email"),
	CONSTRAINT "user_locale_check" CHECK ("user"."locale" in ('fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_role" (
	"user_id" uuid NOT NULL,
	"role" "staff_role" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid,
	CONSTRAINT "user_role_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_bucket" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient" text NOT NULL,
	"recipient_user_id" uuid,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('pending', 'sent', 'failed', 'kept'))
);
--> statement-breakpoint
CREATE TABLE "training_module" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"duration_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_module_slug_unique" UNIQUE("slug"),
	CONSTRAINT "training_module_slug_check" CHECK ("training_module"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "training_module_title_check" CHECK (jsonb_typeof("training_module"."title" -> 'fr') = 'string' and length("training_module"."title" ->> 'fr') > 0),
	CONSTRAINT "training_module_duration_check" CHECK ("training_module"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "site" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"access_notes" jsonb,
	CONSTRAINT "site_slug_unique" UNIQUE("slug"),
	CONSTRAINT "site_slug_check" CHECK ("site"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "site_latitude_check" CHECK ("site"."latitude" between -90 and 90),
	CONSTRAINT "site_longitude_check" CHECK ("site"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "site_closure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" jsonb NOT NULL,
	CONSTRAINT "site_closure_order_check" CHECK ("site_closure"."starts_on" <= "site_closure"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "site_opening_hours" (
	"site_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	CONSTRAINT "site_opening_hours_site_id_weekday_opens_at_pk" PRIMARY KEY("site_id","weekday","opens_at"),
	CONSTRAINT "site_opening_hours_weekday_check" CHECK ("site_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "site_opening_hours_order_check" CHECK ("site_opening_hours"."opens_at" < "site_opening_hours"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "equipment_category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "equipment_category_slug_unique" UNIQUE("slug"),
	CONSTRAINT "equipment_category_slug_check" CHECK ("equipment_category"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "equipment_category_name_check" CHECK (jsonb_typeof("equipment_category"."name" -> 'fr') = 'string' and length("equipment_category"."name" ->> 'fr') > 0)
);
--> statement-breakpoint
CREATE TABLE "equipment_model" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"category_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"in_the_box" jsonb NOT NULL,
	"max_loan_days" smallint DEFAULT 7 NOT NULL,
	"max_advance_days" smallint DEFAULT 60 NOT NULL,
	"buffer_minutes" integer DEFAULT 60 NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"required_module_id" uuid,
	CONSTRAINT "equipment_model_slug_unique" UNIQUE("slug"),
	CONSTRAINT "equipment_model_slug_check" CHECK ("equipment_model"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "equipment_model_name_check" CHECK (jsonb_typeof("equipment_model"."name" -> 'fr') = 'string' and length("equipment_model"."name" ->> 'fr') > 0),
	CONSTRAINT "equipment_model_max_loan_check" CHECK ("equipment_model"."max_loan_days" between 1 and 90),
	CONSTRAINT "equipment_model_advance_check" CHECK ("equipment_model"."max_advance_days" between 0 and 365),
	CONSTRAINT "equipment_model_buffer_check" CHECK ("equipment_model"."buffer_minutes" between 0 and 2880)
);
--> statement-breakpoint
CREATE TABLE "equipment_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"asset_tag" text NOT NULL,
	"serial_number" text,
	"status" "unit_status" DEFAULT 'in_service' NOT NULL,
	"notes" text,
	CONSTRAINT "equipment_unit_asset_tag_unique" UNIQUE("asset_tag")
);
--> statement-breakpoint
CREATE TABLE "kit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"site_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	CONSTRAINT "kit_slug_unique" UNIQUE("slug"),
	CONSTRAINT "kit_slug_check" CHECK ("kit"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "kit_name_check" CHECK (jsonb_typeof("kit"."name" -> 'fr') = 'string' and length("kit"."name" ->> 'fr') > 0)
);
--> statement-breakpoint
CREATE TABLE "kit_item" (
	"kit_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"quantity" smallint NOT NULL,
	CONSTRAINT "kit_item_kit_id_model_id_pk" PRIMARY KEY("kit_id","model_id"),
	CONSTRAINT "kit_item_quantity_check" CHECK ("kit_item"."quantity" between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_recipient_user_id_user_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_closure" ADD CONSTRAINT "site_closure_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_opening_hours" ADD CONSTRAINT "site_opening_hours_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_model" ADD CONSTRAINT "equipment_model_category_id_equipment_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."equipment_category"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_model" ADD CONSTRAINT "equipment_model_required_module_id_training_module_id_fk" FOREIGN KEY ("required_module_id") REFERENCES "public"."training_module"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_unit" ADD CONSTRAINT "equipment_unit_model_id_equipment_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."equipment_model"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_unit" ADD CONSTRAINT "equipment_unit_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kit" ADD CONSTRAINT "kit_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kit_item" ADD CONSTRAINT "kit_item_kit_id_kit_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."kit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kit_item" ADD CONSTRAINT "kit_item_model_id_equipment_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."equipment_model"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "audit_event_subject_idx" ON "audit_event" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "site_closure_site_idx" ON "site_closure" USING btree ("site_id","starts_on");--> statement-breakpoint
CREATE INDEX "equipment_model_category_idx" ON "equipment_model" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "equipment_unit_model_site_idx" ON "equipment_unit" USING btree ("model_id","site_id");