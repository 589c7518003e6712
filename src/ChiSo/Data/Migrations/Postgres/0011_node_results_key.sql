-- 0008: a score cell is keyed by what it is — (unit row, node code) — instead of a surrogate id with a unique index
-- beside it: one index and one sequence less to maintain for the ~400,000 cells of a commune file. The unique index
-- guaranteed no two rows share the new key, so every row stays.
ALTER TABLE node_results DROP CONSTRAINT "PK_node_results";
ALTER TABLE node_results DROP COLUMN "Id";
DROP INDEX "IX_node_results_UnitResultId_NodeCode";
ALTER TABLE node_results ADD CONSTRAINT "PK_node_results" PRIMARY KEY ("UnitResultId", "NodeCode");
