-- 0020: what a plan's coordinators made public on the public site (/cong-khai). Nothing a unit writes is public until
-- a coordinator marks it: the result text of an accepted report (at the revision that was marked) and its attachments.

CREATE TABLE published_report_results (
    "ReportId" integer NOT NULL,
    "Revision" integer NOT NULL,
    "MarkedAt" timestamp with time zone NOT NULL,
    "MarkedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_published_report_results" PRIMARY KEY ("ReportId"),
    CONSTRAINT "FK_published_report_results_unit_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES unit_reports ("Id") ON DELETE CASCADE
);

CREATE TABLE published_report_attachments (
    "AttachmentId" integer NOT NULL,
    "MarkedAt" timestamp with time zone NOT NULL,
    "MarkedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_published_report_attachments" PRIMARY KEY ("AttachmentId"),
    CONSTRAINT "FK_published_report_attachments_report_attachments_AttachmentId" FOREIGN KEY ("AttachmentId") REFERENCES report_attachments ("Id") ON DELETE CASCADE
);
