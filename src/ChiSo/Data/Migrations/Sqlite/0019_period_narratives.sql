-- 0019: a period's consolidated-report text (narrative), drafted from the accepted unit reports and edited by the
-- coordinator: the opening, the general result, difficulties and proposals, and one paragraph per dimension of the plan.
-- One narrative per plan period; the text stays with the period and is what the documents print.

CREATE TABLE "period_narratives" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_period_narratives" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "PeriodId" INTEGER NOT NULL,
    "Opening" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Difficulties" TEXT NOT NULL,
    "Proposals" TEXT NOT NULL,
    "DraftedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_period_narratives_plan_reporting_periods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "plan_reporting_periods" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_period_narratives_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "period_narrative_results" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_period_narrative_results" PRIMARY KEY AUTOINCREMENT,
    "NarrativeId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_period_narrative_results_period_narratives_NarrativeId" FOREIGN KEY ("NarrativeId") REFERENCES "period_narratives" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_period_narratives_PeriodId" ON "period_narratives" ("PeriodId");

CREATE INDEX "IX_period_narratives_PlanId" ON "period_narratives" ("PlanId");

CREATE UNIQUE INDEX "IX_period_narrative_results_NarrativeId_Code" ON "period_narrative_results" ("NarrativeId", "Code");
