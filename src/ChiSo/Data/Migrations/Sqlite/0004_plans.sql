-- 0004: plans, tasks, assignments, amendments, the task library and hand-made unit groups.
-- Generated from the EF Core model (db script sqlite) and split by feature; edit only by adding new scripts.

CREATE TABLE "task_templates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_templates" PRIMARY KEY AUTOINCREMENT,
    "Family" TEXT NOT NULL,
    "NodeCode" TEXT NOT NULL,
    "ContentVi" TEXT NOT NULL,
    "ContentEn" TEXT NULL,
    "TargetText" TEXT NULL,
    "Lead" TEXT NULL,
    "Partners" TEXT NULL,
    "TimeframeText" TEXT NULL,
    "ExpectedOutput" TEXT NULL,
    "BuiltIn" INTEGER NOT NULL
);

CREATE TABLE "plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plans" PRIMARY KEY AUTOINCREMENT,
    "ProvinceId" INTEGER NOT NULL,
    "DocumentType" TEXT NOT NULL,
    "Number" TEXT NULL,
    "Symbol" TEXT NOT NULL,
    "ParentBody" TEXT NULL,
    "IssuingBody" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "IssuedOn" TEXT NULL,
    "Title" TEXT NOT NULL,
    "FromYear" INTEGER NOT NULL,
    "ToYear" INTEGER NOT NULL,
    "ResultYear" INTEGER NULL,
    "Frameworks" TEXT NOT NULL,
    "Preamble" TEXT NULL,
    "Purposes" TEXT NULL,
    "Requirements" TEXT NULL,
    "Implementation" TEXT NULL,
    "Funding" TEXT NULL,
    "Recipients" TEXT NULL,
    "SignerOnBehalf" TEXT NULL,
    "SignerDeputy" TEXT NULL,
    "SignerTitle" TEXT NULL,
    "SignerName" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Amendment" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_plans_units_ProvinceId" FOREIGN KEY ("ProvinceId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "unit_groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_groups" PRIMARY KEY AUTOINCREMENT,
    "ProvinceId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_unit_groups_units_ProvinceId" FOREIGN KEY ("ProvinceId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "plan_task_groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_task_groups" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_task_groups_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_versions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_versions" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Amendment" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_plan_versions_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "unit_group_members" (
    "UnitGroupId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    CONSTRAINT "PK_unit_group_members" PRIMARY KEY ("UnitGroupId", "UnitId"),
    CONSTRAINT "FK_unit_group_members_unit_groups_UnitGroupId" FOREIGN KEY ("UnitGroupId") REFERENCES "unit_groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_unit_group_members_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "plan_tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_tasks" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "GroupId" INTEGER NULL,
    "Code" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "TargetText" TEXT NULL,
    "TargetMetric" TEXT NULL,
    "TargetComparator" TEXT NULL,
    "TargetValue" TEXT NULL,
    "TargetUnit" TEXT NULL,
    "TargetBasis" TEXT NOT NULL,
    "TimeframeText" TEXT NULL,
    "TimeframeKind" TEXT NOT NULL,
    "TimeframePeriod" TEXT NULL,
    "TimeframeFrom" TEXT NULL,
    "TimeframeTo" TEXT NULL,
    "TimeframeDue" TEXT NULL,
    "ExpectedOutput" TEXT NULL,
    "ReportingPeriods" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_tasks_plan_task_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "plan_task_groups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_plan_tasks_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "task_assignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_assignments" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "BuiltInGroup" TEXT NULL,
    "UnitGroupId" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_task_assignments_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_task_assignments_unit_groups_UnitGroupId" FOREIGN KEY ("UnitGroupId") REFERENCES "unit_groups" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_task_assignments_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "task_nodes" (
    "TaskId" INTEGER NOT NULL,
    "FrameworkId" TEXT NOT NULL,
    "NodeCode" TEXT NOT NULL,
    CONSTRAINT "PK_task_nodes" PRIMARY KEY ("TaskId", "FrameworkId", "NodeCode"),
    CONSTRAINT "FK_task_nodes_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_plan_task_groups_PlanId" ON "plan_task_groups" ("PlanId");

CREATE INDEX "IX_plan_tasks_GroupId" ON "plan_tasks" ("GroupId");

CREATE UNIQUE INDEX "IX_plan_tasks_PlanId_Code" ON "plan_tasks" ("PlanId", "Code");

CREATE UNIQUE INDEX "IX_plan_versions_PlanId_Amendment" ON "plan_versions" ("PlanId", "Amendment");

CREATE INDEX "IX_plans_ProvinceId_FromYear" ON "plans" ("ProvinceId", "FromYear");

CREATE INDEX "IX_task_assignments_TaskId" ON "task_assignments" ("TaskId");

CREATE INDEX "IX_task_assignments_UnitGroupId" ON "task_assignments" ("UnitGroupId");

CREATE INDEX "IX_task_assignments_UnitId" ON "task_assignments" ("UnitId");

CREATE INDEX "IX_task_templates_Family_NodeCode" ON "task_templates" ("Family", "NodeCode");

CREATE INDEX "IX_unit_group_members_UnitId" ON "unit_group_members" ("UnitId");

CREATE UNIQUE INDEX "IX_unit_groups_ProvinceId_Name" ON "unit_groups" ("ProvinceId", "Name");
