-- 0014: obligations — one row per (period, unit, task) that a unit owes a report on, written when a plan or an
-- amendment is issued. Closed, never deleted, when an amendment drops the task or the unit; a deleted task leaves its
-- obligations with a null task (and the task's code) so reports filed on them stay.

CREATE TABLE "obligations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_obligations" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "PeriodId" INTEGER NOT NULL,
    "TaskId" INTEGER NULL,
    "TaskCode" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    CONSTRAINT "FK_obligations_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_obligations_plan_reporting_periods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "plan_reporting_periods" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_obligations_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_obligations_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_obligations_PeriodId_UnitId_TaskId" ON "obligations" ("PeriodId", "UnitId", "TaskId");
CREATE INDEX "IX_obligations_PlanId_UnitId" ON "obligations" ("PlanId", "UnitId");
CREATE INDEX "IX_obligations_TaskId" ON "obligations" ("TaskId");
CREATE INDEX "IX_obligations_UnitId" ON "obligations" ("UnitId");
