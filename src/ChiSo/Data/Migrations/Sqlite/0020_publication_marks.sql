-- 0020: what a plan's coordinators made public on the public site (/cong-khai). Nothing a unit writes is public until
-- a coordinator marks it: the result text of an accepted report (at the revision that was marked) and its attachments.

CREATE TABLE "published_report_results" (
    "ReportId" INTEGER NOT NULL CONSTRAINT "PK_published_report_results" PRIMARY KEY,
    "Revision" INTEGER NOT NULL,
    "MarkedAt" TEXT NOT NULL,
    "MarkedBy" TEXT NOT NULL,
    CONSTRAINT "FK_published_report_results_unit_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "unit_reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "published_report_attachments" (
    "AttachmentId" INTEGER NOT NULL CONSTRAINT "PK_published_report_attachments" PRIMARY KEY,
    "MarkedAt" TEXT NOT NULL,
    "MarkedBy" TEXT NOT NULL,
    CONSTRAINT "FK_published_report_attachments_report_attachments_AttachmentId" FOREIGN KEY ("AttachmentId") REFERENCES "report_attachments" ("Id") ON DELETE CASCADE
);
