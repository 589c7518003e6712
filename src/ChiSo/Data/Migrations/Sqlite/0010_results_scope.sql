-- 0007: results of communes beside those of provinces. Each import has a scope — "provinces", "communes" (the whole
-- country) or "communes:{province unit id}" — and its own versions, so two provinces' commune results of one
-- framework and year live side by side. Every existing import scored provinces: it keeps its rows and versions.
ALTER TABLE "result_imports" ADD COLUMN "Scope" TEXT NOT NULL DEFAULT 'provinces';
ALTER TABLE "result_imports" ADD COLUMN "ScopeProvinceId" INTEGER NULL
    CONSTRAINT "FK_result_imports_units_ScopeProvinceId" REFERENCES "units" ("Id") ON DELETE RESTRICT;

DROP INDEX "IX_result_imports_FrameworkId_Year_Version";
CREATE UNIQUE INDEX "IX_result_imports_FrameworkId_Year_Scope_Version" ON "result_imports" ("FrameworkId", "Year", "Scope", "Version");
CREATE INDEX "IX_result_imports_ScopeProvinceId" ON "result_imports" ("ScopeProvinceId");
