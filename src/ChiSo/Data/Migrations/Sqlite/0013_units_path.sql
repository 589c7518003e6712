-- 0013: every unit carries its materialised path (ancestor ids, root first, its own last: "/12/345/6789/") and its
-- level (0 for a province), so "every unit under this district" is one indexed prefix query instead of a loop.
-- Existing units get theirs from ParentId, walking down from the roots; ChiSo keeps them on every later save.
-- Path is NOCASE so SQLite's (case-insensitive) LIKE 'prefix%' can use the index; it holds only digits and '/'.
ALTER TABLE "units" ADD COLUMN "Path" TEXT COLLATE NOCASE NOT NULL DEFAULT '';
ALTER TABLE "units" ADD COLUMN "Level" INTEGER NOT NULL DEFAULT 0;

CREATE TEMP TABLE "units_path_0013" AS
WITH RECURSIVE "tree" ("Id", "Path", "Level") AS (
    SELECT "Id", '/' || "Id" || '/', 0 FROM "units" WHERE "ParentId" IS NULL
    UNION ALL
    SELECT u."Id", t."Path" || u."Id" || '/', t."Level" + 1 FROM "units" u JOIN "tree" t ON u."ParentId" = t."Id"
)
SELECT "Id", "Path", "Level" FROM "tree";

UPDATE "units" SET
    "Path" = (SELECT p."Path" FROM "units_path_0013" p WHERE p."Id" = "units"."Id"),
    "Level" = (SELECT p."Level" FROM "units_path_0013" p WHERE p."Id" = "units"."Id")
WHERE "Id" IN (SELECT "Id" FROM "units_path_0013");

DROP TABLE "units_path_0013";

CREATE INDEX "IX_units_Path" ON "units" ("Path");
