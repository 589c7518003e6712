-- 0012: reporting periods as records, and the working calendar their due dates are counted on.
-- plan_reporting_periods: one row per (plan, period id) with the data window and the due dates per level, written when
-- a plan is issued. calendar_days: the days an admin enters (lunar holidays, swapped days); fixed holidays are built in.
-- Stored period ids of tasks are rewritten to the ids that never confuse quarter III with the 9-month report: the old
-- "YYYY-Q3" meant nine months and becomes "YYYY-9M", "YYYY-H1" becomes "YYYY-6M"; "YYYY-Q1" and "YYYY-Y" stay. Before
-- this script no other quarter id was ever written, so the rewrite is exact.

CREATE TABLE "calendar_days" (
    "Date" TEXT NOT NULL CONSTRAINT "PK_calendar_days" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "NameVi" TEXT NOT NULL,
    "NameEn" TEXT NULL
);

CREATE TABLE "plan_reporting_periods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_reporting_periods" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "DataFrom" TEXT NOT NULL,
    "DataTo" TEXT NOT NULL,
    "UnitDue" TEXT NOT NULL,
    "ConsolidatedDue" TEXT NOT NULL,
    CONSTRAINT "FK_plan_reporting_periods_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_plan_reporting_periods_PlanId_Key" ON "plan_reporting_periods" ("PlanId", "Key");

UPDATE "plan_tasks" SET "ReportingPeriods" = replace(replace("ReportingPeriods", '-Q3', '-9M'), '-H1', '-6M')
WHERE "ReportingPeriods" LIKE '%-Q3%' OR "ReportingPeriods" LIKE '%-H1%';

-- Frozen versions (plan_versions."Snapshot", JSON) carry the same ids as complete JSON strings ("2026-Q3"): rewritten
-- as whole strings only, one statement per year a plan can have (1990–2100), so no other text is touched.
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1990-Q3"', '"1990-9M"'), '"1990-H1"', '"1990-6M"') WHERE instr("Snapshot", '"1990-Q3"') > 0 OR instr("Snapshot", '"1990-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1991-Q3"', '"1991-9M"'), '"1991-H1"', '"1991-6M"') WHERE instr("Snapshot", '"1991-Q3"') > 0 OR instr("Snapshot", '"1991-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1992-Q3"', '"1992-9M"'), '"1992-H1"', '"1992-6M"') WHERE instr("Snapshot", '"1992-Q3"') > 0 OR instr("Snapshot", '"1992-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1993-Q3"', '"1993-9M"'), '"1993-H1"', '"1993-6M"') WHERE instr("Snapshot", '"1993-Q3"') > 0 OR instr("Snapshot", '"1993-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1994-Q3"', '"1994-9M"'), '"1994-H1"', '"1994-6M"') WHERE instr("Snapshot", '"1994-Q3"') > 0 OR instr("Snapshot", '"1994-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1995-Q3"', '"1995-9M"'), '"1995-H1"', '"1995-6M"') WHERE instr("Snapshot", '"1995-Q3"') > 0 OR instr("Snapshot", '"1995-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1996-Q3"', '"1996-9M"'), '"1996-H1"', '"1996-6M"') WHERE instr("Snapshot", '"1996-Q3"') > 0 OR instr("Snapshot", '"1996-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1997-Q3"', '"1997-9M"'), '"1997-H1"', '"1997-6M"') WHERE instr("Snapshot", '"1997-Q3"') > 0 OR instr("Snapshot", '"1997-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1998-Q3"', '"1998-9M"'), '"1998-H1"', '"1998-6M"') WHERE instr("Snapshot", '"1998-Q3"') > 0 OR instr("Snapshot", '"1998-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"1999-Q3"', '"1999-9M"'), '"1999-H1"', '"1999-6M"') WHERE instr("Snapshot", '"1999-Q3"') > 0 OR instr("Snapshot", '"1999-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2000-Q3"', '"2000-9M"'), '"2000-H1"', '"2000-6M"') WHERE instr("Snapshot", '"2000-Q3"') > 0 OR instr("Snapshot", '"2000-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2001-Q3"', '"2001-9M"'), '"2001-H1"', '"2001-6M"') WHERE instr("Snapshot", '"2001-Q3"') > 0 OR instr("Snapshot", '"2001-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2002-Q3"', '"2002-9M"'), '"2002-H1"', '"2002-6M"') WHERE instr("Snapshot", '"2002-Q3"') > 0 OR instr("Snapshot", '"2002-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2003-Q3"', '"2003-9M"'), '"2003-H1"', '"2003-6M"') WHERE instr("Snapshot", '"2003-Q3"') > 0 OR instr("Snapshot", '"2003-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2004-Q3"', '"2004-9M"'), '"2004-H1"', '"2004-6M"') WHERE instr("Snapshot", '"2004-Q3"') > 0 OR instr("Snapshot", '"2004-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2005-Q3"', '"2005-9M"'), '"2005-H1"', '"2005-6M"') WHERE instr("Snapshot", '"2005-Q3"') > 0 OR instr("Snapshot", '"2005-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2006-Q3"', '"2006-9M"'), '"2006-H1"', '"2006-6M"') WHERE instr("Snapshot", '"2006-Q3"') > 0 OR instr("Snapshot", '"2006-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2007-Q3"', '"2007-9M"'), '"2007-H1"', '"2007-6M"') WHERE instr("Snapshot", '"2007-Q3"') > 0 OR instr("Snapshot", '"2007-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2008-Q3"', '"2008-9M"'), '"2008-H1"', '"2008-6M"') WHERE instr("Snapshot", '"2008-Q3"') > 0 OR instr("Snapshot", '"2008-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2009-Q3"', '"2009-9M"'), '"2009-H1"', '"2009-6M"') WHERE instr("Snapshot", '"2009-Q3"') > 0 OR instr("Snapshot", '"2009-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2010-Q3"', '"2010-9M"'), '"2010-H1"', '"2010-6M"') WHERE instr("Snapshot", '"2010-Q3"') > 0 OR instr("Snapshot", '"2010-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2011-Q3"', '"2011-9M"'), '"2011-H1"', '"2011-6M"') WHERE instr("Snapshot", '"2011-Q3"') > 0 OR instr("Snapshot", '"2011-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2012-Q3"', '"2012-9M"'), '"2012-H1"', '"2012-6M"') WHERE instr("Snapshot", '"2012-Q3"') > 0 OR instr("Snapshot", '"2012-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2013-Q3"', '"2013-9M"'), '"2013-H1"', '"2013-6M"') WHERE instr("Snapshot", '"2013-Q3"') > 0 OR instr("Snapshot", '"2013-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2014-Q3"', '"2014-9M"'), '"2014-H1"', '"2014-6M"') WHERE instr("Snapshot", '"2014-Q3"') > 0 OR instr("Snapshot", '"2014-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2015-Q3"', '"2015-9M"'), '"2015-H1"', '"2015-6M"') WHERE instr("Snapshot", '"2015-Q3"') > 0 OR instr("Snapshot", '"2015-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2016-Q3"', '"2016-9M"'), '"2016-H1"', '"2016-6M"') WHERE instr("Snapshot", '"2016-Q3"') > 0 OR instr("Snapshot", '"2016-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2017-Q3"', '"2017-9M"'), '"2017-H1"', '"2017-6M"') WHERE instr("Snapshot", '"2017-Q3"') > 0 OR instr("Snapshot", '"2017-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2018-Q3"', '"2018-9M"'), '"2018-H1"', '"2018-6M"') WHERE instr("Snapshot", '"2018-Q3"') > 0 OR instr("Snapshot", '"2018-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2019-Q3"', '"2019-9M"'), '"2019-H1"', '"2019-6M"') WHERE instr("Snapshot", '"2019-Q3"') > 0 OR instr("Snapshot", '"2019-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2020-Q3"', '"2020-9M"'), '"2020-H1"', '"2020-6M"') WHERE instr("Snapshot", '"2020-Q3"') > 0 OR instr("Snapshot", '"2020-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2021-Q3"', '"2021-9M"'), '"2021-H1"', '"2021-6M"') WHERE instr("Snapshot", '"2021-Q3"') > 0 OR instr("Snapshot", '"2021-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2022-Q3"', '"2022-9M"'), '"2022-H1"', '"2022-6M"') WHERE instr("Snapshot", '"2022-Q3"') > 0 OR instr("Snapshot", '"2022-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2023-Q3"', '"2023-9M"'), '"2023-H1"', '"2023-6M"') WHERE instr("Snapshot", '"2023-Q3"') > 0 OR instr("Snapshot", '"2023-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2024-Q3"', '"2024-9M"'), '"2024-H1"', '"2024-6M"') WHERE instr("Snapshot", '"2024-Q3"') > 0 OR instr("Snapshot", '"2024-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2025-Q3"', '"2025-9M"'), '"2025-H1"', '"2025-6M"') WHERE instr("Snapshot", '"2025-Q3"') > 0 OR instr("Snapshot", '"2025-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2026-Q3"', '"2026-9M"'), '"2026-H1"', '"2026-6M"') WHERE instr("Snapshot", '"2026-Q3"') > 0 OR instr("Snapshot", '"2026-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2027-Q3"', '"2027-9M"'), '"2027-H1"', '"2027-6M"') WHERE instr("Snapshot", '"2027-Q3"') > 0 OR instr("Snapshot", '"2027-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2028-Q3"', '"2028-9M"'), '"2028-H1"', '"2028-6M"') WHERE instr("Snapshot", '"2028-Q3"') > 0 OR instr("Snapshot", '"2028-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2029-Q3"', '"2029-9M"'), '"2029-H1"', '"2029-6M"') WHERE instr("Snapshot", '"2029-Q3"') > 0 OR instr("Snapshot", '"2029-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2030-Q3"', '"2030-9M"'), '"2030-H1"', '"2030-6M"') WHERE instr("Snapshot", '"2030-Q3"') > 0 OR instr("Snapshot", '"2030-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2031-Q3"', '"2031-9M"'), '"2031-H1"', '"2031-6M"') WHERE instr("Snapshot", '"2031-Q3"') > 0 OR instr("Snapshot", '"2031-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2032-Q3"', '"2032-9M"'), '"2032-H1"', '"2032-6M"') WHERE instr("Snapshot", '"2032-Q3"') > 0 OR instr("Snapshot", '"2032-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2033-Q3"', '"2033-9M"'), '"2033-H1"', '"2033-6M"') WHERE instr("Snapshot", '"2033-Q3"') > 0 OR instr("Snapshot", '"2033-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2034-Q3"', '"2034-9M"'), '"2034-H1"', '"2034-6M"') WHERE instr("Snapshot", '"2034-Q3"') > 0 OR instr("Snapshot", '"2034-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2035-Q3"', '"2035-9M"'), '"2035-H1"', '"2035-6M"') WHERE instr("Snapshot", '"2035-Q3"') > 0 OR instr("Snapshot", '"2035-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2036-Q3"', '"2036-9M"'), '"2036-H1"', '"2036-6M"') WHERE instr("Snapshot", '"2036-Q3"') > 0 OR instr("Snapshot", '"2036-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2037-Q3"', '"2037-9M"'), '"2037-H1"', '"2037-6M"') WHERE instr("Snapshot", '"2037-Q3"') > 0 OR instr("Snapshot", '"2037-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2038-Q3"', '"2038-9M"'), '"2038-H1"', '"2038-6M"') WHERE instr("Snapshot", '"2038-Q3"') > 0 OR instr("Snapshot", '"2038-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2039-Q3"', '"2039-9M"'), '"2039-H1"', '"2039-6M"') WHERE instr("Snapshot", '"2039-Q3"') > 0 OR instr("Snapshot", '"2039-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2040-Q3"', '"2040-9M"'), '"2040-H1"', '"2040-6M"') WHERE instr("Snapshot", '"2040-Q3"') > 0 OR instr("Snapshot", '"2040-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2041-Q3"', '"2041-9M"'), '"2041-H1"', '"2041-6M"') WHERE instr("Snapshot", '"2041-Q3"') > 0 OR instr("Snapshot", '"2041-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2042-Q3"', '"2042-9M"'), '"2042-H1"', '"2042-6M"') WHERE instr("Snapshot", '"2042-Q3"') > 0 OR instr("Snapshot", '"2042-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2043-Q3"', '"2043-9M"'), '"2043-H1"', '"2043-6M"') WHERE instr("Snapshot", '"2043-Q3"') > 0 OR instr("Snapshot", '"2043-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2044-Q3"', '"2044-9M"'), '"2044-H1"', '"2044-6M"') WHERE instr("Snapshot", '"2044-Q3"') > 0 OR instr("Snapshot", '"2044-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2045-Q3"', '"2045-9M"'), '"2045-H1"', '"2045-6M"') WHERE instr("Snapshot", '"2045-Q3"') > 0 OR instr("Snapshot", '"2045-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2046-Q3"', '"2046-9M"'), '"2046-H1"', '"2046-6M"') WHERE instr("Snapshot", '"2046-Q3"') > 0 OR instr("Snapshot", '"2046-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2047-Q3"', '"2047-9M"'), '"2047-H1"', '"2047-6M"') WHERE instr("Snapshot", '"2047-Q3"') > 0 OR instr("Snapshot", '"2047-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2048-Q3"', '"2048-9M"'), '"2048-H1"', '"2048-6M"') WHERE instr("Snapshot", '"2048-Q3"') > 0 OR instr("Snapshot", '"2048-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2049-Q3"', '"2049-9M"'), '"2049-H1"', '"2049-6M"') WHERE instr("Snapshot", '"2049-Q3"') > 0 OR instr("Snapshot", '"2049-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2050-Q3"', '"2050-9M"'), '"2050-H1"', '"2050-6M"') WHERE instr("Snapshot", '"2050-Q3"') > 0 OR instr("Snapshot", '"2050-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2051-Q3"', '"2051-9M"'), '"2051-H1"', '"2051-6M"') WHERE instr("Snapshot", '"2051-Q3"') > 0 OR instr("Snapshot", '"2051-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2052-Q3"', '"2052-9M"'), '"2052-H1"', '"2052-6M"') WHERE instr("Snapshot", '"2052-Q3"') > 0 OR instr("Snapshot", '"2052-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2053-Q3"', '"2053-9M"'), '"2053-H1"', '"2053-6M"') WHERE instr("Snapshot", '"2053-Q3"') > 0 OR instr("Snapshot", '"2053-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2054-Q3"', '"2054-9M"'), '"2054-H1"', '"2054-6M"') WHERE instr("Snapshot", '"2054-Q3"') > 0 OR instr("Snapshot", '"2054-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2055-Q3"', '"2055-9M"'), '"2055-H1"', '"2055-6M"') WHERE instr("Snapshot", '"2055-Q3"') > 0 OR instr("Snapshot", '"2055-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2056-Q3"', '"2056-9M"'), '"2056-H1"', '"2056-6M"') WHERE instr("Snapshot", '"2056-Q3"') > 0 OR instr("Snapshot", '"2056-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2057-Q3"', '"2057-9M"'), '"2057-H1"', '"2057-6M"') WHERE instr("Snapshot", '"2057-Q3"') > 0 OR instr("Snapshot", '"2057-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2058-Q3"', '"2058-9M"'), '"2058-H1"', '"2058-6M"') WHERE instr("Snapshot", '"2058-Q3"') > 0 OR instr("Snapshot", '"2058-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2059-Q3"', '"2059-9M"'), '"2059-H1"', '"2059-6M"') WHERE instr("Snapshot", '"2059-Q3"') > 0 OR instr("Snapshot", '"2059-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2060-Q3"', '"2060-9M"'), '"2060-H1"', '"2060-6M"') WHERE instr("Snapshot", '"2060-Q3"') > 0 OR instr("Snapshot", '"2060-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2061-Q3"', '"2061-9M"'), '"2061-H1"', '"2061-6M"') WHERE instr("Snapshot", '"2061-Q3"') > 0 OR instr("Snapshot", '"2061-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2062-Q3"', '"2062-9M"'), '"2062-H1"', '"2062-6M"') WHERE instr("Snapshot", '"2062-Q3"') > 0 OR instr("Snapshot", '"2062-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2063-Q3"', '"2063-9M"'), '"2063-H1"', '"2063-6M"') WHERE instr("Snapshot", '"2063-Q3"') > 0 OR instr("Snapshot", '"2063-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2064-Q3"', '"2064-9M"'), '"2064-H1"', '"2064-6M"') WHERE instr("Snapshot", '"2064-Q3"') > 0 OR instr("Snapshot", '"2064-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2065-Q3"', '"2065-9M"'), '"2065-H1"', '"2065-6M"') WHERE instr("Snapshot", '"2065-Q3"') > 0 OR instr("Snapshot", '"2065-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2066-Q3"', '"2066-9M"'), '"2066-H1"', '"2066-6M"') WHERE instr("Snapshot", '"2066-Q3"') > 0 OR instr("Snapshot", '"2066-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2067-Q3"', '"2067-9M"'), '"2067-H1"', '"2067-6M"') WHERE instr("Snapshot", '"2067-Q3"') > 0 OR instr("Snapshot", '"2067-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2068-Q3"', '"2068-9M"'), '"2068-H1"', '"2068-6M"') WHERE instr("Snapshot", '"2068-Q3"') > 0 OR instr("Snapshot", '"2068-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2069-Q3"', '"2069-9M"'), '"2069-H1"', '"2069-6M"') WHERE instr("Snapshot", '"2069-Q3"') > 0 OR instr("Snapshot", '"2069-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2070-Q3"', '"2070-9M"'), '"2070-H1"', '"2070-6M"') WHERE instr("Snapshot", '"2070-Q3"') > 0 OR instr("Snapshot", '"2070-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2071-Q3"', '"2071-9M"'), '"2071-H1"', '"2071-6M"') WHERE instr("Snapshot", '"2071-Q3"') > 0 OR instr("Snapshot", '"2071-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2072-Q3"', '"2072-9M"'), '"2072-H1"', '"2072-6M"') WHERE instr("Snapshot", '"2072-Q3"') > 0 OR instr("Snapshot", '"2072-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2073-Q3"', '"2073-9M"'), '"2073-H1"', '"2073-6M"') WHERE instr("Snapshot", '"2073-Q3"') > 0 OR instr("Snapshot", '"2073-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2074-Q3"', '"2074-9M"'), '"2074-H1"', '"2074-6M"') WHERE instr("Snapshot", '"2074-Q3"') > 0 OR instr("Snapshot", '"2074-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2075-Q3"', '"2075-9M"'), '"2075-H1"', '"2075-6M"') WHERE instr("Snapshot", '"2075-Q3"') > 0 OR instr("Snapshot", '"2075-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2076-Q3"', '"2076-9M"'), '"2076-H1"', '"2076-6M"') WHERE instr("Snapshot", '"2076-Q3"') > 0 OR instr("Snapshot", '"2076-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2077-Q3"', '"2077-9M"'), '"2077-H1"', '"2077-6M"') WHERE instr("Snapshot", '"2077-Q3"') > 0 OR instr("Snapshot", '"2077-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2078-Q3"', '"2078-9M"'), '"2078-H1"', '"2078-6M"') WHERE instr("Snapshot", '"2078-Q3"') > 0 OR instr("Snapshot", '"2078-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2079-Q3"', '"2079-9M"'), '"2079-H1"', '"2079-6M"') WHERE instr("Snapshot", '"2079-Q3"') > 0 OR instr("Snapshot", '"2079-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2080-Q3"', '"2080-9M"'), '"2080-H1"', '"2080-6M"') WHERE instr("Snapshot", '"2080-Q3"') > 0 OR instr("Snapshot", '"2080-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2081-Q3"', '"2081-9M"'), '"2081-H1"', '"2081-6M"') WHERE instr("Snapshot", '"2081-Q3"') > 0 OR instr("Snapshot", '"2081-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2082-Q3"', '"2082-9M"'), '"2082-H1"', '"2082-6M"') WHERE instr("Snapshot", '"2082-Q3"') > 0 OR instr("Snapshot", '"2082-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2083-Q3"', '"2083-9M"'), '"2083-H1"', '"2083-6M"') WHERE instr("Snapshot", '"2083-Q3"') > 0 OR instr("Snapshot", '"2083-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2084-Q3"', '"2084-9M"'), '"2084-H1"', '"2084-6M"') WHERE instr("Snapshot", '"2084-Q3"') > 0 OR instr("Snapshot", '"2084-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2085-Q3"', '"2085-9M"'), '"2085-H1"', '"2085-6M"') WHERE instr("Snapshot", '"2085-Q3"') > 0 OR instr("Snapshot", '"2085-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2086-Q3"', '"2086-9M"'), '"2086-H1"', '"2086-6M"') WHERE instr("Snapshot", '"2086-Q3"') > 0 OR instr("Snapshot", '"2086-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2087-Q3"', '"2087-9M"'), '"2087-H1"', '"2087-6M"') WHERE instr("Snapshot", '"2087-Q3"') > 0 OR instr("Snapshot", '"2087-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2088-Q3"', '"2088-9M"'), '"2088-H1"', '"2088-6M"') WHERE instr("Snapshot", '"2088-Q3"') > 0 OR instr("Snapshot", '"2088-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2089-Q3"', '"2089-9M"'), '"2089-H1"', '"2089-6M"') WHERE instr("Snapshot", '"2089-Q3"') > 0 OR instr("Snapshot", '"2089-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2090-Q3"', '"2090-9M"'), '"2090-H1"', '"2090-6M"') WHERE instr("Snapshot", '"2090-Q3"') > 0 OR instr("Snapshot", '"2090-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2091-Q3"', '"2091-9M"'), '"2091-H1"', '"2091-6M"') WHERE instr("Snapshot", '"2091-Q3"') > 0 OR instr("Snapshot", '"2091-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2092-Q3"', '"2092-9M"'), '"2092-H1"', '"2092-6M"') WHERE instr("Snapshot", '"2092-Q3"') > 0 OR instr("Snapshot", '"2092-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2093-Q3"', '"2093-9M"'), '"2093-H1"', '"2093-6M"') WHERE instr("Snapshot", '"2093-Q3"') > 0 OR instr("Snapshot", '"2093-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2094-Q3"', '"2094-9M"'), '"2094-H1"', '"2094-6M"') WHERE instr("Snapshot", '"2094-Q3"') > 0 OR instr("Snapshot", '"2094-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2095-Q3"', '"2095-9M"'), '"2095-H1"', '"2095-6M"') WHERE instr("Snapshot", '"2095-Q3"') > 0 OR instr("Snapshot", '"2095-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2096-Q3"', '"2096-9M"'), '"2096-H1"', '"2096-6M"') WHERE instr("Snapshot", '"2096-Q3"') > 0 OR instr("Snapshot", '"2096-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2097-Q3"', '"2097-9M"'), '"2097-H1"', '"2097-6M"') WHERE instr("Snapshot", '"2097-Q3"') > 0 OR instr("Snapshot", '"2097-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2098-Q3"', '"2098-9M"'), '"2098-H1"', '"2098-6M"') WHERE instr("Snapshot", '"2098-Q3"') > 0 OR instr("Snapshot", '"2098-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2099-Q3"', '"2099-9M"'), '"2099-H1"', '"2099-6M"') WHERE instr("Snapshot", '"2099-Q3"') > 0 OR instr("Snapshot", '"2099-H1"') > 0;
UPDATE "plan_versions" SET "Snapshot" = replace(replace("Snapshot", '"2100-Q3"', '"2100-9M"'), '"2100-H1"', '"2100-6M"') WHERE instr("Snapshot", '"2100-Q3"') > 0 OR instr("Snapshot", '"2100-H1"') > 0;
