CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"person_id" uuid,
	"village_id" uuid,
	"gender" text,
	"age_band" text,
	"groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"collected_by" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"need_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_need_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"audience" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"template_key" text,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"need_type" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"note" text,
	"identified_at" timestamp with time zone NOT NULL,
	"identified_by" uuid NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_survey_collected_idx" ON "survey_responses" USING btree ("survey_id","collected_at","id");--> statement-breakpoint
CREATE INDEX "survey_responses_station_collected_idx" ON "survey_responses" USING btree ("station_id","collected_at");--> statement-breakpoint
CREATE INDEX "survey_responses_person_idx" ON "survey_responses" USING btree ("person_id","collected_at") WHERE "survey_responses"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_groups_idx" ON "survey_responses" USING gin ("groups");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_versions_survey_number_idx" ON "survey_versions" USING btree ("survey_id","number");--> statement-breakpoint
CREATE INDEX "surveys_station_created_idx" ON "surveys" USING btree ("station_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_open_person_type_idx" ON "needs" USING btree ("station_id","person_id","need_type") WHERE "needs"."status" in ('identified', 'being_served');--> statement-breakpoint
CREATE INDEX "needs_station_type_status_idx" ON "needs" USING btree ("station_id","need_type","status");--> statement-breakpoint
CREATE INDEX "needs_station_identified_idx" ON "needs" USING btree ("station_id","identified_at","id");--> statement-breakpoint
CREATE INDEX "needs_person_idx" ON "needs" USING btree ("person_id","identified_at");