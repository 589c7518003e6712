-- 0013: every unit carries its materialised path (ancestor ids, root first, its own last: "/12/345/6789/") and its
-- level (0 for a province), so "every unit under this district" is one indexed prefix query instead of a loop.
-- Existing units get theirs from ParentId, walking down from the roots; ChiSo keeps them on every later save.
-- The index uses the pattern operator class: the database collation is not "C", and only so does LIKE 'prefix%' use it.
ALTER TABLE units ADD COLUMN "Path" character varying(400) NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN "Level" integer NOT NULL DEFAULT 0;

WITH RECURSIVE tree ("Id", "Path", "Level") AS (
    SELECT "Id", '/' || "Id" || '/', 0 FROM units WHERE "ParentId" IS NULL
    UNION ALL
    SELECT u."Id", t."Path" || u."Id" || '/', t."Level" + 1 FROM units u JOIN tree t ON u."ParentId" = t."Id"
)
UPDATE units SET "Path" = tree."Path", "Level" = tree."Level" FROM tree WHERE units."Id" = tree."Id";

-- The model has no defaults: ChiSo writes both on every insert.
ALTER TABLE units ALTER COLUMN "Path" DROP DEFAULT;
ALTER TABLE units ALTER COLUMN "Level" DROP DEFAULT;

CREATE INDEX "IX_units_Path" ON units ("Path" varchar_pattern_ops);
