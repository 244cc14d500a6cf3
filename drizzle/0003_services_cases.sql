CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"document" text,
	"note" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"household_id" uuid,
	"worker_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"source" text NOT NULL,
	"presenting_problem" text NOT NULL,
	"intake" jsonb,
	"assessment" jsonb,
	"plan" jsonb,
	"evaluation" jsonb,
	"closure" jsonb,
	"referrals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closure_reason" text,
	"next_review_on" date,
	"close_requested_at" timestamp with time zone,
	"close_requested_by" uuid,
	"close_request_note" text,
	"approved_by" uuid,
	"created_by" uuid NOT NULL,
	CONSTRAINT "cases_stage_check" CHECK ("cases"."stage" in ('intake', 'assessment', 'planning', 'intervention', 'evaluation', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "service_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_record_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"case_id" uuid,
	"task_id" uuid,
	"kind" text NOT NULL,
	"service_types" text[] NOT NULL,
	"report_types" text[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"summary" text NOT NULL,
	"goal_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"worker_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"volunteer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"served_by" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"wellbeing" smallint,
	"follow_up_needed" boolean DEFAULT false NOT NULL,
	"follow_up_on" date,
	"checklist" jsonb,
	"concerns" text[] DEFAULT '{}'::text[] NOT NULL,
	"goods" text,
	"content_hash" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "service_records_wellbeing_check" CHECK ("service_records"."wellbeing" between 1 and 5),
	CONSTRAINT "service_records_duration_check" CHECK ("service_records"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attachments" ADD CONSTRAINT "service_attachments_service_id_service_records_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_record_revisions" ADD CONSTRAINT "service_record_revisions_service_id_service_records_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_station_opened_idx" ON "cases" USING btree ("station_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_worker_idx" ON "cases" USING btree ("worker_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_person_idx" ON "cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cases_review_idx" ON "cases" USING btree ("station_id","next_review_on") WHERE "cases"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "service_attachments_service_idx" ON "service_attachments" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_record_revisions_service_idx" ON "service_record_revisions" USING btree ("service_id","version");--> statement-breakpoint
CREATE INDEX "service_records_station_started_idx" ON "service_records" USING btree ("station_id","started_at","id");--> statement-breakpoint
CREATE INDEX "service_records_person_started_idx" ON "service_records" USING btree ("person_id","started_at","id");--> statement-breakpoint
CREATE INDEX "service_records_village_started_idx" ON "service_records" USING btree ("station_id","village_id","started_at","id");--> statement-breakpoint
CREATE INDEX "service_records_case_idx" ON "service_records" USING btree ("case_id","started_at") WHERE "service_records"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "service_records_task_idx" ON "service_records" USING btree ("task_id") WHERE "service_records"."task_id" is not null;--> statement-breakpoint
CREATE INDEX "service_records_served_by_idx" ON "service_records" USING gin ("served_by");--> statement-breakpoint
CREATE INDEX "service_records_report_types_idx" ON "service_records" USING gin ("report_types");--> statement-breakpoint
CREATE INDEX "service_records_concerns_idx" ON "service_records" USING gin ("concerns");--> statement-breakpoint
CREATE INDEX "service_records_follow_up_idx" ON "service_records" USING btree ("station_id","follow_up_on") WHERE "service_records"."follow_up_needed";