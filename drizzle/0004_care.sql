CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"festival" text,
	"year" smallint,
	"day" date NOT NULL,
	"window_start" date NOT NULL,
	"groups" text[] NOT NULL,
	"kinds" text[] NOT NULL,
	"tasks_created" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_settings" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"silence_days" integer NOT NULL,
	"village_workers" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "care_task_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"note" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "care_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"campaign_id" uuid,
	"start_on" date NOT NULL,
	"due_date" date NOT NULL,
	"assignee_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"postponed_reason" text,
	"service_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	CONSTRAINT "care_tasks_window_check" CHECK ("care_tasks"."start_on" <= "care_tasks"."due_date")
);
--> statement-breakpoint
CREATE TABLE "contact_plan_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"plans" jsonb NOT NULL,
	"reason" text NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_task_events" ADD CONSTRAINT "care_task_events_task_id_care_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."care_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plan_overrides" ADD CONSTRAINT "contact_plan_overrides_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_station_festival_year_idx" ON "campaigns" USING btree ("station_id","festival","year") WHERE "campaigns"."festival" is not null;--> statement-breakpoint
CREATE INDEX "campaigns_station_day_idx" ON "campaigns" USING btree ("station_id","day");--> statement-breakpoint
CREATE INDEX "care_task_events_task_idx" ON "care_task_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_tasks_open_plan_idx" ON "care_tasks" USING btree ("person_id","kind") WHERE "care_tasks"."reason" = 'plan' and "care_tasks"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "care_tasks_campaign_idx" ON "care_tasks" USING btree ("campaign_id","person_id","kind") WHERE "care_tasks"."campaign_id" is not null;--> statement-breakpoint
CREATE INDEX "care_tasks_assignee_idx" ON "care_tasks" USING btree ("station_id","assignee_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "care_tasks_station_due_idx" ON "care_tasks" USING btree ("station_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "care_tasks_person_idx" ON "care_tasks" USING btree ("station_id","person_id","status");--> statement-breakpoint
CREATE INDEX "care_tasks_campaign_list_idx" ON "care_tasks" USING btree ("campaign_id","status","due_date","id") WHERE "care_tasks"."campaign_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_plan_overrides_person_idx" ON "contact_plan_overrides" USING btree ("station_id","person_id");