CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "danger_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_to" text NOT NULL,
	"what" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"address" text,
	"head_person_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"signature" text NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"household_id" uuid,
	"relation_to_head" text,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"gender" text,
	"birth_date" date,
	"ethnicity" text,
	"phone" text,
	"phone_digits" text,
	"id_number_cipher" text,
	"id_number_index" text,
	"id_number_masked" text,
	"groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_level" text,
	"status" text DEFAULT 'active' NOT NULL,
	"address" text,
	"notes" text,
	"health" text,
	"health_notes" text,
	"disability_type" text,
	"disability_grade" smallint,
	"living_situation" text,
	"consent" jsonb,
	"child" jsonb,
	"elder" jsonb,
	"created_by" uuid,
	"updated_by" uuid,
	CONSTRAINT "people_disability_grade_check" CHECK ("people"."disability_grade" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "person_benefits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"benefit" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date,
	"since" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "person_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid,
	"changed_fields" text[] NOT NULL,
	"before" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_level" text,
	"to_level" text,
	"reason" text,
	"changed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "danger_reports" ADD CONSTRAINT "danger_reports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_benefits" ADD CONSTRAINT "person_benefits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_revisions" ADD CONSTRAINT "person_revisions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_changes" ADD CONSTRAINT "risk_changes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "danger_reports_station_idx" ON "danger_reports" USING btree ("station_id","acknowledged_at","reported_at");--> statement-breakpoint
CREATE INDEX "danger_reports_person_idx" ON "danger_reports" USING btree ("station_id","person_id");--> statement-breakpoint
CREATE INDEX "households_station_village_idx" ON "households" USING btree ("station_id","village_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_station_signature_idx" ON "import_mappings" USING btree ("station_id","signature");--> statement-breakpoint
CREATE INDEX "people_station_pinyin_idx" ON "people" USING btree ("station_id","name_pinyin","id");--> statement-breakpoint
CREATE INDEX "people_pinyin_idx" ON "people" USING btree ("name_pinyin","id");--> statement-breakpoint
CREATE INDEX "people_id_number_idx" ON "people" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "people_name_grams_idx" ON "people" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "people_station_village_idx" ON "people" USING btree ("station_id","village_id","name_pinyin","id");--> statement-breakpoint
CREATE INDEX "people_station_birth_idx" ON "people" USING btree ("station_id","birth_date");--> statement-breakpoint
CREATE INDEX "people_station_initials_idx" ON "people" USING btree ("station_id","name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_station_name_prefix_idx" ON "people" USING btree ("station_id","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_groups_idx" ON "people" USING gin ("groups");--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_pinyin_trgm_idx" ON "people" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_phone_trgm_idx" ON "people" USING gin ("phone_digits" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_household_idx" ON "people" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_station_id_number_idx" ON "people" USING btree ("station_id","id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "person_benefits_person_benefit_idx" ON "person_benefits" USING btree ("station_id","person_id","benefit");--> statement-breakpoint
CREATE INDEX "person_benefits_station_idx" ON "person_benefits" USING btree ("station_id","benefit","status");--> statement-breakpoint
CREATE INDEX "person_revisions_person_idx" ON "person_revisions" USING btree ("station_id","person_id","version");--> statement-breakpoint
CREATE INDEX "risk_changes_person_idx" ON "risk_changes" USING btree ("station_id","person_id","at");