CREATE TYPE "public"."group_kind" AS ENUM('association', 'collective', 'school', 'business');--> statement-breakpoint
CREATE TYPE "public"."group_role" AS ENUM('owner', 'editor', 'member');--> statement-breakpoint
CREATE TYPE "public"."licence" AS ENUM('cc-by-4.0', 'cc-by-sa-4.0', 'cc0-1.0', 'cc-by-nc-sa-4.0');--> statement-breakpoint
CREATE TYPE "public"."media_kind" AS ENUM('audio', 'video', 'photo');--> statement-breakpoint
CREATE TYPE "public"."moderation_status" AS ENUM('draft', 'submitted', 'changes_requested', 'published');--> statement-breakpoint
CREATE TABLE "group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "group_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_slug_unique" UNIQUE("slug"),
	CONSTRAINT "group_slug_check" CHECK ("group"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "group_name_check" CHECK (length(trim("group"."name")) between 2 and 120)
);
--> statement-breakpoint
CREATE TABLE "group_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "group_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "group_invitation_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "group_invitation_role_check" CHECK ("group_invitation"."role" <> 'owner'),
	CONSTRAINT "group_invitation_email_check" CHECK ("group_invitation"."email" = lower("group_invitation"."email"))
);
--> statement-breakpoint
CREATE TABLE "group_member" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "group_role" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_member_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cover_media_id" uuid,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"credits" text DEFAULT '' NOT NULL,
	"licence" "licence" DEFAULT 'cc-by-4.0' NOT NULL,
	"published" jsonb,
	"status" "moderation_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_comment" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_slug_unique" UNIQUE("slug"),
	CONSTRAINT "project_slug_check" CHECK ("project"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "project_title_check" CHECK (length(trim("project"."title")) between 2 and 160),
	CONSTRAINT "project_themes_check" CHECK ("project"."themes" <@ array['heritage','memory','sound','art','nature','maritime','neighbourhood']),
	CONSTRAINT "project_published_check" CHECK ("project"."status" <> 'published' or "project"."published" is not null)
);
--> statement-breakpoint
CREATE TABLE "project_loan" (
	"project_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_loan_project_id_booking_id_pk" PRIMARY KEY("project_id","booking_id")
);
--> statement-breakpoint
CREATE TABLE "project_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" "media_kind" NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"duration_seconds" double precision,
	"title" text NOT NULL,
	"author" text NOT NULL,
	"licence" "licence" NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"transcript" text,
	"public" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_media_key_unique" UNIQUE("key"),
	CONSTRAINT "project_media_title_check" CHECK (length(trim("project_media"."title")) > 0),
	CONSTRAINT "project_media_author_check" CHECK (length(trim("project_media"."author")) > 0),
	CONSTRAINT "project_media_language_check" CHECK ("project_media"."language" ~ '^[a-z]{2,3}$'),
	CONSTRAINT "project_media_transcript_check" CHECK ("project_media"."kind" = 'photo' or length(trim(coalesce("project_media"."transcript", ''))) > 0),
	CONSTRAINT "project_media_bytes_check" CHECK ("project_media"."bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "trail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accessibility" text DEFAULT '' NOT NULL,
	"published" jsonb,
	"status" "moderation_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_comment" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trail_slug_unique" UNIQUE("slug"),
	CONSTRAINT "trail_slug_check" CHECK ("trail"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "trail_title_check" CHECK (length(trim("trail"."title")) between 2 and 160),
	CONSTRAINT "trail_path_check" CHECK (jsonb_typeof("trail"."path") = 'array'),
	CONSTRAINT "trail_published_check" CHECK ("trail"."status" <> 'published' or "trail"."published" is not null)
);
--> statement-breakpoint
CREATE TABLE "trail_stop" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trail_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"radius_metres" smallint DEFAULT 25 NOT NULL,
	CONSTRAINT "trail_stop_title_check" CHECK (length(trim("trail_stop"."title")) > 0),
	CONSTRAINT "trail_stop_position_check" CHECK ("trail_stop"."position" >= 1),
	CONSTRAINT "trail_stop_latitude_check" CHECK ("trail_stop"."latitude" between -90 and 90),
	CONSTRAINT "trail_stop_longitude_check" CHECK ("trail_stop"."longitude" between -180 and 180),
	CONSTRAINT "trail_stop_radius_check" CHECK ("trail_stop"."radius_metres" between 5 and 500)
);
--> statement-breakpoint
CREATE TABLE "trail_stop_media" (
	"stop_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "trail_stop_media_stop_id_media_id_pk" PRIMARY KEY("stop_id","media_id")
);
--> statement-breakpoint
ALTER TABLE "group_invitation" ADD CONSTRAINT "group_invitation_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_invitation" ADD CONSTRAINT "group_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_cover_media_id_project_media_id_fk" FOREIGN KEY ("cover_media_id") REFERENCES "public"."project_media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_loan" ADD CONSTRAINT "project_loan_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_loan" ADD CONSTRAINT "project_loan_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_media" ADD CONSTRAINT "project_media_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_media" ADD CONSTRAINT "project_media_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail" ADD CONSTRAINT "trail_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_stop" ADD CONSTRAINT "trail_stop_trail_id_trail_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trail"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_stop_media" ADD CONSTRAINT "trail_stop_media_stop_id_trail_stop_id_fk" FOREIGN KEY ("stop_id") REFERENCES "public"."trail_stop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_stop_media" ADD CONSTRAINT "trail_stop_media_media_id_project_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."project_media"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_invitation_open_once" ON "group_invitation" USING btree ("group_id","email") WHERE "group_invitation"."accepted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "group_member_one_owner" ON "group_member" USING btree ("group_id") WHERE "group_member"."role" = 'owner';--> statement-breakpoint
CREATE INDEX "group_member_user_idx" ON "group_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "project_group_idx" ON "project" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "project_loan_booking_idx" ON "project_loan" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "project_media_project_idx" ON "project_media" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "trail_project_idx" ON "trail" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "trail_public_idx" ON "trail" USING btree ("published_at") WHERE "trail"."published" is not null;--> statement-breakpoint
CREATE INDEX "trail_stop_media_media_idx" ON "trail_stop_media" USING btree ("media_id");--> statement-breakpoint
ALTER TABLE "trail_stop" ADD CONSTRAINT "trail_stop_order" UNIQUE ("trail_id", "position") DEFERRABLE INITIALLY DEFERRED;
