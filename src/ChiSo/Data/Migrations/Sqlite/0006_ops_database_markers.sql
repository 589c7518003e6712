-- 0006: facts about the database itself, e.g. "demo": created empty for the demo (every page then says so).
-- Generated from the EF Core model (db script sqlite); edit only by adding new scripts.

CREATE TABLE "database_markers" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_database_markers" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

-- A database seeded by an earlier version with the demo logins (published password) is a demo database: say so.
INSERT INTO "database_markers" ("Name", "Value", "CreatedAt")
SELECT 'demo', 'true', strftime('%Y-%m-%d %H:%M:%S+00:00', 'now')
WHERE EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "UserName" = 'dieuphoi')
  AND EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "UserName" = 'lanhdao');
