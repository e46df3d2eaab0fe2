CREATE TYPE "public"."handover_kind" AS ENUM('check_out', 'check_in');--> statement-breakpoint
CREATE TABLE "booking_handover" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "handover_kind" NOT NULL,
	"condition" text DEFAULT '' NOT NULL,
	"damaged" boolean DEFAULT false NOT NULL,
	"photo_key" text,
	"staff_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_handover_condition_check" CHECK (length("booking_handover"."condition") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "flag_reason" text;--> statement-breakpoint
ALTER TABLE "booking_handover" ADD CONSTRAINT "booking_handover_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_handover" ADD CONSTRAINT "booking_handover_unit_id_equipment_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."equipment_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_handover" ADD CONSTRAINT "booking_handover_staff_id_user_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_handover_booking_idx" ON "booking_handover" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "booking_handover_unit_idx" ON "booking_handover" USING btree ("unit_id","at");--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_flag_check" CHECK (("booking"."flagged_at" is null) = ("booking"."flag_reason" is null));--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_flag_reason_check" CHECK ("booking"."flag_reason" in ('unit_out_of_service'));--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_decision_reason_check" CHECK (length("booking"."decision_reason") <= 1000);