CREATE SEQUENCE "public"."revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "applied_mutations" (
	"mutation_id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"outcome" jsonb NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL,
	"seeded_revision" bigint,
	"last_client_id" text,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row" jsonb NOT NULL,
	"goal_id" text NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"row_id" text NOT NULL,
	"revision" bigint NOT NULL,
	"kind" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"row" jsonb NOT NULL,
	"by" text NOT NULL,
	"at" text NOT NULL,
	"client_id" text,
	"mutation_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "history_kind_check" CHECK ("history"."kind" in ('seed', 'update', 'conflict', 'resolution')),
	CONSTRAINT "history_entity_check" CHECK ("history"."entity" in ('measurement', 'assessment'))
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" text PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL,
	"seeded_revision" bigint,
	"last_client_id" text,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row" jsonb NOT NULL,
	"indicator_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"year" integer NOT NULL,
	"gender" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_revision_idx" ON "assessments" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "assessments_goal_year_idx" ON "assessments" USING btree ("goal_id","year");--> statement-breakpoint
CREATE INDEX "history_row_idx" ON "history" USING btree ("entity","row_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_revision_idx" ON "measurements" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "measurements_indicator_year_idx" ON "measurements" USING btree ("indicator_id","year");--> statement-breakpoint
CREATE INDEX "measurements_organisation_idx" ON "measurements" USING btree ("organisation_id");