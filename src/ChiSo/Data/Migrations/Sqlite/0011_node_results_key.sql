-- 0008: a score cell is keyed by what it is — (unit row, node code) — instead of a surrogate id with a unique index
-- beside it: one index less to maintain for the ~400,000 cells of a commune file. SQLite cannot change a primary
-- key in place, so the table is rebuilt and every row copied (the unique index guaranteed no two share a key).
CREATE TABLE "node_results_0008" (
    "UnitResultId" INTEGER NOT NULL,
    "NodeCode" TEXT NOT NULL,
    "Score" TEXT NULL,
    "Source" TEXT NOT NULL,
    "ComputedValue" TEXT NULL,
    "SelfAssessed" TEXT NULL,
    "OfficialRank" INTEGER NULL,
    "OfficialGroup" INTEGER NULL,
    "Warning" TEXT NULL,
    CONSTRAINT "PK_node_results" PRIMARY KEY ("UnitResultId", "NodeCode"),
    CONSTRAINT "FK_node_results_unit_results_UnitResultId" FOREIGN KEY ("UnitResultId") REFERENCES "unit_results" ("Id") ON DELETE CASCADE
);

INSERT INTO "node_results_0008" ("UnitResultId", "NodeCode", "Score", "Source", "ComputedValue", "SelfAssessed", "OfficialRank", "OfficialGroup", "Warning")
SELECT "UnitResultId", "NodeCode", "Score", "Source", "ComputedValue", "SelfAssessed", "OfficialRank", "OfficialGroup", "Warning" FROM "node_results";

DROP TABLE "node_results";
ALTER TABLE "node_results_0008" RENAME TO "node_results";
