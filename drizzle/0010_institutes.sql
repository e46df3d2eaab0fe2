CREATE TYPE "public"."programme_kind" AS ENUM('support', 'incubation', 'prize', 'bounty', 'patronage', 'pledge');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'in_review', 'changes_requested', 'resubmitted', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_kind" AS ENUM('award', 'contribution', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."pledge_kind" AS ENUM('revenue_share', 'yearly_amount');--> statement-breakpoint
CREATE TABLE "application_form" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_form_version_unique" UNIQUE("programme_id","version"),
	CONSTRAINT "application_form_version_check" CHECK ("application_form"."version" > 0),
	CONSTRAINT "application_form_fields_check" CHECK (jsonb_typeof("application_form"."fields") = 'array' and jsonb_array_length("application_form"."fields") > 0)
);
--> statement-breakpoint
CREATE TABLE "institute" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"name" jsonb NOT NULL,
	"mission" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institute_slug_unique" UNIQUE("slug"),
	CONSTRAINT "institute_slug_check" CHECK ("institute"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "institute_name_check" CHECK (jsonb_typeof("institute"."name" -> 'fr') = 'string' and length("institute"."name" ->> 'fr') > 0),
	CONSTRAINT "institute_mission_check" CHECK (jsonb_typeof("institute"."mission" -> 'fr') = 'string' and length("institute"."mission" ->> 'fr') > 0)
);
--> statement-breakpoint
CREATE TABLE "programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"institute_id" uuid NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone,
	"budget_cents" bigint,
	"max_amount_cents" bigint,
	"decision_days" smallint,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_slug_unique" UNIQUE("slug"),
	CONSTRAINT "programme_slug_check" CHECK ("programme"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "programme_title_check" CHECK (jsonb_typeof("programme"."title" -> 'fr') = 'string' and length("programme"."title" ->> 'fr') > 0),
	CONSTRAINT "programme_dates_check" CHECK ("programme"."closes_at" is null or "programme"."closes_at" > "programme"."opens_at"),
	CONSTRAINT "programme_budget_check" CHECK ("programme"."budget_cents" is null or "programme"."budget_cents" >= 0),
	CONSTRAINT "programme_max_amount_check" CHECK ("programme"."max_amount_cents" is null or ("programme"."max_amount_cents" > 0 and ("programme"."budget_cents" is null or "programme"."max_amount_cents" <= "programme"."budget_cents"))),
	CONSTRAINT "programme_decision_days_check" CHECK ("programme"."decision_days" is null or "programme"."decision_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "rubric_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" jsonb NOT NULL,
	"weight" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "rubric_criterion_position_unique" UNIQUE("programme_id","position"),
	CONSTRAINT "rubric_criterion_label_check" CHECK (jsonb_typeof("rubric_criterion"."label" -> 'fr') = 'string' and length("rubric_criterion"."label" ->> 'fr') > 0),
	CONSTRAINT "rubric_criterion_weight_check" CHECK ("rubric_criterion"."weight" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"user_id" uuid,
	"group_id" uuid,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"commons_record" jsonb,
	"published_fields" text[] DEFAULT '{}' NOT NULL,
	"publish_name" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"expected_decision_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_letter" text,
	"awarded_cents" bigint,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_title_check" CHECK (length("application"."title") <= 200),
	CONSTRAINT "application_revision_check" CHECK ("application"."revision" > 0),
	CONSTRAINT "application_submitted_check" CHECK ("application"."status" in ('draft', 'withdrawn') or "application"."submitted_at" is not null),
	CONSTRAINT "application_decision_check" CHECK (("application"."status" in ('accepted', 'rejected')) = ("application"."decided_at" is not null and length(trim(coalesce("application"."decision_letter", ''))) > 0)),
	CONSTRAINT "application_award_check" CHECK ("application"."awarded_cents" is null or ("application"."status" = 'accepted' and "application"."awarded_cents" >= 0)),
	CONSTRAINT "application_withdrawn_check" CHECK (("application"."status" = 'withdrawn') = ("application"."withdrawn_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "application_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"field_key" text,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_attachment_key_unique" UNIQUE("key"),
	CONSTRAINT "application_attachment_bytes_check" CHECK ("application_attachment"."bytes" > 0),
	CONSTRAINT "application_attachment_name_check" CHECK (length(trim("application_attachment"."name")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "application_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_status" "application_status",
	"to_status" "application_status",
	"message" text,
	"visible_to_applicant" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_title_check" CHECK (length(trim("milestone"."title")) between 2 and 200)
);
--> statement-breakpoint
CREATE TABLE "progress_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"milestone_id" uuid,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_report_text_check" CHECK (length(trim("progress_report"."text")) between 2 and 4000)
);
--> statement-breakpoint
CREATE TABLE "review_assignment" (
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conflict_declared_at" timestamp with time zone,
	"conflict_note" text,
	CONSTRAINT "review_assignment_application_id_reviewer_id_pk" PRIMARY KEY("application_id","reviewer_id"),
	CONSTRAINT "review_assignment_conflict_check" CHECK (("review_assignment"."conflict_declared_at" is null) = ("review_assignment"."conflict_note" is null))
);
--> statement-breakpoint
CREATE TABLE "review_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_note_text_check" CHECK (length(trim("review_note"."text")) between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "review_score" (
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_score_application_id_reviewer_id_criterion_id_pk" PRIMARY KEY("application_id","reviewer_id","criterion_id"),
	CONSTRAINT "review_score_range_check" CHECK ("review_score"."score" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "reviewer_digest" (
	"reviewer_id" uuid PRIMARY KEY NOT NULL,
	"sent_through" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entry_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"kind" "ledger_entry_kind" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"programme_id" uuid,
	"application_id" uuid,
	"pledge_id" uuid,
	"reverses_seq" bigint,
	"party" text NOT NULL,
	"memo" text NOT NULL,
	"recorded_by" uuid,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "ledger_entry_id_unique" UNIQUE("id"),
	CONSTRAINT "ledger_entry_hash_check" CHECK ("ledger_entry"."hash" ~ '^[0-9a-f]{64}$' and "ledger_entry"."prev_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "ledger_entry_amount_check" CHECK ("ledger_entry"."amount_cents" <> 0),
	CONSTRAINT "ledger_entry_kind_check" CHECK (("ledger_entry"."kind" = 'reversal') = ("ledger_entry"."reverses_seq" is not null)
			and ("ledger_entry"."kind" <> 'award' or ("ledger_entry"."application_id" is not null and "ledger_entry"."amount_cents" > 0))
			and ("ledger_entry"."kind" <> 'contribution' or ("ledger_entry"."pledge_id" is not null and "ledger_entry"."amount_cents" > 0))),
	CONSTRAINT "ledger_entry_party_check" CHECK (length(trim("ledger_entry"."party")) > 0)
);
--> statement-breakpoint
CREATE TABLE "pledge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"application_id" uuid,
	"kind" "pledge_kind" NOT NULL,
	"share_basis_points" integer,
	"yearly_cents" bigint,
	"commons" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_terms_check" CHECK (("pledge"."kind" = 'revenue_share' and "pledge"."share_basis_points" between 1 and 10000 and "pledge"."yearly_cents" is null)
			or ("pledge"."kind" = 'yearly_amount' and "pledge"."yearly_cents" > 0 and "pledge"."share_basis_points" is null)),
	CONSTRAINT "pledge_commons_check" CHECK (length(trim("pledge"."commons")) between 2 and 1000),
	CONSTRAINT "pledge_dates_check" CHECK ("pledge"."ends_on" is null or "pledge"."ends_on" >= "pledge"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "application_form" ADD CONSTRAINT "application_form_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_form" ADD CONSTRAINT "application_form_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_institute_id_institute_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institute"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criterion" ADD CONSTRAINT "rubric_criterion_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_form_id_application_form_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."application_form"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachment" ADD CONSTRAINT "application_attachment_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachment" ADD CONSTRAINT "application_attachment_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_milestone_id_milestone_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestone"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_assigned_by_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_note" ADD CONSTRAINT "review_note_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_note" ADD CONSTRAINT "review_note_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_score" ADD CONSTRAINT "review_score_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_score" ADD CONSTRAINT "review_score_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_score" ADD CONSTRAINT "review_score_criterion_id_rubric_criterion_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rubric_criterion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_digest" ADD CONSTRAINT "reviewer_digest_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_pledge_id_pledge_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledge"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_reverses_seq_ledger_entry_seq_fk" FOREIGN KEY ("reverses_seq") REFERENCES "public"."ledger_entry"("seq") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_institute_idx" ON "programme" USING btree ("institute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_one_open_per_applicant" ON "application" USING btree ("programme_id",coalesce("group_id", "user_id")) WHERE "application"."status" in ('draft', 'submitted', 'in_review', 'changes_requested', 'resubmitted');--> statement-breakpoint
CREATE INDEX "application_user_idx" ON "application" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_group_idx" ON "application" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "application_programme_status_idx" ON "application" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "application_attachment_application_idx" ON "application_attachment" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_event_application_idx" ON "application_event" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_position_unique" ON "milestone" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "progress_report_application_idx" ON "progress_report" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "review_assignment_reviewer_idx" ON "review_assignment" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "review_note_application_idx" ON "review_note" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_prev_hash_unique" ON "ledger_entry" USING btree ("prev_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_reverses_unique" ON "ledger_entry" USING btree ("reverses_seq");--> statement-breakpoint
CREATE INDEX "ledger_entry_application_idx" ON "ledger_entry" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_pledge_idx" ON "ledger_entry" USING btree ("pledge_id");--> statement-breakpoint
CREATE INDEX "pledge_group_idx" ON "pledge" USING btree ("group_id");--> statement-breakpoint
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% rows are never changed nor deleted', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER application_form_is_immutable BEFORE UPDATE ON application_form FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER ledger_entry_is_append_only BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER ledger_entry_is_never_truncated BEFORE TRUNCATE ON ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE FUNCTION ledger_entry_follows_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	head text;
BEGIN
	SELECT hash INTO head FROM ledger_entry ORDER BY seq DESC LIMIT 1;
	IF NEW.prev_hash IS DISTINCT FROM coalesce(head, repeat('0', 64)) THEN
		RAISE EXCEPTION 'a ledger entry must follow the last one' USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER ledger_entry_chains BEFORE INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_entry_follows_head();
