-- 0015: unit reports (one per obligation) and their history. A report is never deleted: its obligation is closed,
-- not removed, and the history keeps every step with who, when and the comment or reason.

CREATE TABLE "unit_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_reports" PRIMARY KEY AUTOINCREMENT,
    "ObligationId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "TaskStatus" TEXT NULL,
    "CompletedOn" TEXT NULL,
    "AchievedValue" TEXT NULL,
    "Result" TEXT NULL,
    "Evidence" TEXT NULL,
    "Difficulties" TEXT NULL,
    "Proposals" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "Late" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_unit_reports_obligations_ObligationId" FOREIGN KEY ("ObligationId") REFERENCES "obligations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_unit_reports_ObligationId" ON "unit_reports" ("ObligationId");

CREATE TABLE "report_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_events" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "FromState" TEXT NULL,
    "ToState" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_report_events_unit_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "unit_reports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_report_events_ReportId" ON "report_events" ("ReportId");
