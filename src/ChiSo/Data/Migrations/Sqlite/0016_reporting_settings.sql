-- 0016: a plan's reporting settings (unit head approval required), kept beside the plan: they are not part of the
-- issued document. No row means the defaults.

CREATE TABLE "plan_reporting_settings" (
    "PlanId" INTEGER NOT NULL CONSTRAINT "PK_plan_reporting_settings" PRIMARY KEY,
    "UnitHeadApproval" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_plan_reporting_settings_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);
