-- 0006: which successor takes over a unit split between several (departments merged by Decree 45/2025/NĐ-CP).
-- Matches the EF Core model (db script sqlite); edit only by adding new scripts.

ALTER TABLE "unit_predecessors" ADD COLUMN "IsMainSuccessor" INTEGER NOT NULL DEFAULT 0;
