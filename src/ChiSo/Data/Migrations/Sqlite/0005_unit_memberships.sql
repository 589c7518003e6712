-- 0005: per-unit roles (focal point, unit head, province coordinator optionally limited to one plan).
-- Generated from the EF Core model (db script sqlite); edit only by adding new scripts.

CREATE TABLE "unit_memberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_memberships" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "PlanId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_unit_memberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_unit_memberships_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_unit_memberships_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_unit_memberships_PlanId" ON "unit_memberships" ("PlanId");

CREATE INDEX "IX_unit_memberships_UnitId" ON "unit_memberships" ("UnitId");

CREATE UNIQUE INDEX "IX_unit_memberships_UserId_UnitId_Role_PlanId" ON "unit_memberships" ("UserId", "UnitId", "Role", "PlanId");
