-- 0016: a plan's reporting settings (unit head approval required), kept beside the plan: they are not part of the
-- issued document. No row means the defaults.

CREATE TABLE plan_reporting_settings (
    "PlanId" integer NOT NULL,
    "UnitHeadApproval" boolean NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_plan_reporting_settings" PRIMARY KEY ("PlanId"),
    CONSTRAINT "FK_plan_reporting_settings_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES plans ("Id") ON DELETE CASCADE
);
