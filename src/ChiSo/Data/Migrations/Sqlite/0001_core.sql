-- 0001: frameworks, units, results and the audit log.
-- Generated from the EF Core model (db script sqlite) and split by feature; edit only by adding new scripts.

CREATE TABLE "audit_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "ActorAddress" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "OldValues" TEXT NULL,
    "NewValues" TEXT NULL
);

CREATE TABLE "frameworks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_frameworks" PRIMARY KEY,
    "Family" TEXT NOT NULL,
    "NameVi" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "ValidFrom" INTEGER NOT NULL,
    "ValidTo" INTEGER NULL,
    "GroupRule" TEXT NOT NULL,
    "BuiltIn" INTEGER NOT NULL
);

CREATE TABLE "units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_units" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "NameEn" TEXT NULL,
    "ParentId" INTEGER NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    CONSTRAINT "FK_units_units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "framework_nodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_framework_nodes" PRIMARY KEY AUTOINCREMENT,
    "FrameworkId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "NameVi" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Min" TEXT NOT NULL,
    "Max" TEXT NOT NULL,
    "Aggregation" TEXT NOT NULL,
    "Weight" TEXT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_framework_nodes_frameworks_FrameworkId" FOREIGN KEY ("FrameworkId") REFERENCES "frameworks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "result_imports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_result_imports" PRIMARY KEY AUTOINCREMENT,
    "FrameworkId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "IsCurrent" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    "IsIllustrative" INTEGER NOT NULL,
    "WarningCount" INTEGER NOT NULL,
    CONSTRAINT "FK_result_imports_frameworks_FrameworkId" FOREIGN KEY ("FrameworkId") REFERENCES "frameworks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "unit_predecessors" (
    "UnitId" INTEGER NOT NULL,
    "PredecessorId" INTEGER NOT NULL,
    CONSTRAINT "PK_unit_predecessors" PRIMARY KEY ("UnitId", "PredecessorId"),
    CONSTRAINT "FK_unit_predecessors_units_PredecessorId" FOREIGN KEY ("PredecessorId") REFERENCES "units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_unit_predecessors_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "unit_results" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_results" PRIMARY KEY AUTOINCREMENT,
    "ResultImportId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "RowNumber" INTEGER NOT NULL,
    "Scored" INTEGER NOT NULL,
    CONSTRAINT "FK_unit_results_result_imports_ResultImportId" FOREIGN KEY ("ResultImportId") REFERENCES "result_imports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_unit_results_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "node_results" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_node_results" PRIMARY KEY AUTOINCREMENT,
    "UnitResultId" INTEGER NOT NULL,
    "NodeCode" TEXT NOT NULL,
    "Score" TEXT NULL,
    "Source" TEXT NOT NULL,
    "ComputedValue" TEXT NULL,
    "SelfAssessed" TEXT NULL,
    "OfficialRank" INTEGER NULL,
    "OfficialGroup" INTEGER NULL,
    "Warning" TEXT NULL,
    CONSTRAINT "FK_node_results_unit_results_UnitResultId" FOREIGN KEY ("UnitResultId") REFERENCES "unit_results" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_audit_entries_At" ON "audit_entries" ("At");

CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON "audit_entries" ("EntityType", "EntityId");

CREATE UNIQUE INDEX "IX_framework_nodes_FrameworkId_Code" ON "framework_nodes" ("FrameworkId", "Code");

CREATE INDEX "IX_frameworks_Family" ON "frameworks" ("Family");

CREATE UNIQUE INDEX "IX_node_results_UnitResultId_NodeCode" ON "node_results" ("UnitResultId", "NodeCode");

CREATE UNIQUE INDEX "IX_result_imports_FrameworkId_Year_Version" ON "result_imports" ("FrameworkId", "Year", "Version");

CREATE INDEX "IX_unit_predecessors_PredecessorId" ON "unit_predecessors" ("PredecessorId");

CREATE UNIQUE INDEX "IX_unit_results_ResultImportId_UnitId" ON "unit_results" ("ResultImportId", "UnitId");

CREATE INDEX "IX_unit_results_UnitId" ON "unit_results" ("UnitId");

CREATE INDEX "IX_units_Kind_Code" ON "units" ("Kind", "Code");

CREATE INDEX "IX_units_ParentId" ON "units" ("ParentId");
