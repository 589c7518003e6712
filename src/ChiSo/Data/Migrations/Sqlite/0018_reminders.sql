-- 0018: reminders ("đôn đốc", issue 11). A plan's reminder days beside its reporting settings (null: the default, 3 days
-- before, 1 and 5 after); one digest per person per Viet Nam day (the unique key several app instances agree on) with
-- its e-mail's sending lease (LeaseUntil in Unix milliseconds, comparable in SQL on both databases) and state; the
-- digest's items as the person's in-app notifications; and the days whose digests have all been written.

ALTER TABLE "plan_reporting_settings" ADD "ReminderDaysBefore" TEXT NULL;
ALTER TABLE "plan_reporting_settings" ADD "ReminderDaysAfter" TEXT NULL;

CREATE TABLE "reminder_digests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_reminder_digests" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Email" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "LeaseUntil" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_reminder_digests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "DigestId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "PlanNumber" TEXT NOT NULL,
    "PeriodKey" TEXT NOT NULL,
    "ObligationId" INTEGER NOT NULL,
    "UnitName" TEXT NOT NULL,
    "TaskCode" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "ReportEventId" INTEGER NULL,
    "Comment" TEXT NULL,
    "Link" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_notifications_obligations_ObligationId" FOREIGN KEY ("ObligationId") REFERENCES "obligations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_notifications_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_notifications_reminder_digests_DigestId" FOREIGN KEY ("DigestId") REFERENCES "reminder_digests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "reminder_days" (
    "Day" TEXT NOT NULL CONSTRAINT "PK_reminder_days" PRIMARY KEY,
    "ComposedAt" TEXT NOT NULL,
    "Digests" INTEGER NOT NULL,
    "ComposedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_notifications_DigestId_ObligationId" ON "notifications" ("DigestId", "ObligationId");

CREATE INDEX "IX_notifications_ObligationId" ON "notifications" ("ObligationId");

CREATE INDEX "IX_notifications_PlanId" ON "notifications" ("PlanId");

CREATE INDEX "IX_notifications_ReportEventId" ON "notifications" ("ReportEventId");

CREATE INDEX "IX_notifications_UserId_ReadAt" ON "notifications" ("UserId", "ReadAt");

CREATE INDEX "IX_reminder_digests_Day" ON "reminder_digests" ("Day");

CREATE UNIQUE INDEX "IX_reminder_digests_UserId_Day" ON "reminder_digests" ("UserId", "Day");
