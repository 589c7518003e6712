-- 0017: files attached to unit reports. The row says what the file is (its kind, found from its content), its download
-- name and who attached it; the bytes are in report_attachment_contents (the default store) or in a configured folder,
-- under the row's storage key — never under the web root.

CREATE TABLE "report_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_attachments" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_report_attachments_unit_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "unit_reports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_report_attachments_ReportId" ON "report_attachments" ("ReportId");

CREATE UNIQUE INDEX "IX_report_attachments_StorageKey" ON "report_attachments" ("StorageKey");

CREATE TABLE "report_attachment_contents" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_report_attachment_contents" PRIMARY KEY,
    "Content" BLOB NOT NULL
);
