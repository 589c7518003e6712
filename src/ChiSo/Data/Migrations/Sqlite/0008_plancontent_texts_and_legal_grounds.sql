-- 0006: what a drafted plan says and how it prints. Legal grounds ("Căn cứ …") and a decision's proposal and
-- Articles 2 and 3 on the plan; section II's assessment of each dimension on its task group; the list of usual legal
-- grounds admins keep, seeded with the usual ones in words the admin completes (numbers and dates left as "…").
-- Existing plans keep everything: the new columns are nullable and printing derives Articles 2–3 when they are empty.
-- Generated from the EF Core model (db script sqlite); edit only by adding new scripts.

ALTER TABLE "plans" ADD COLUMN "LegalGrounds" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "Proposal" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "AssignmentArticle" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "ExecutionArticle" TEXT NULL;
ALTER TABLE "plan_task_groups" ADD COLUMN "Assessment" TEXT NULL;

CREATE TABLE "legal_grounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_legal_grounds" PRIMARY KEY AUTOINCREMENT,
    "Text" TEXT NOT NULL,
    "Family" TEXT NULL,
    "Order" INTEGER NOT NULL
);

INSERT INTO "legal_grounds" ("Text", "Family", "Order") VALUES ('Căn cứ Luật Tổ chức chính quyền địa phương ngày … tháng … năm …;', NULL, 10);
INSERT INTO "legal_grounds" ("Text", "Family", "Order") VALUES ('Căn cứ Nghị quyết số …/NQ-CP ngày … tháng … năm … của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn …;', NULL, 20);
INSERT INTO "legal_grounds" ("Text", "Family", "Order") VALUES ('Căn cứ Quyết định số … ngày … tháng … năm … của Bộ trưởng Bộ Nội vụ phê duyệt Đề án xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;', 'par', 30);
INSERT INTO "legal_grounds" ("Text", "Family", "Order") VALUES ('Căn cứ Quyết định số … ngày … tháng … năm … phê duyệt và công bố Chỉ số cải cách hành chính năm … của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;', 'par', 40);
INSERT INTO "legal_grounds" ("Text", "Family", "Order") VALUES ('Căn cứ kết quả Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm … do Trung tâm Nghiên cứu phát triển và Hỗ trợ cộng đồng (CECODES), Trung tâm Bồi dưỡng cán bộ và Nghiên cứu khoa học Mặt trận Tổ quốc Việt Nam và Chương trình Phát triển Liên hợp quốc (UNDP) công bố;', 'papi', 50);
INSERT INTO "legal_grounds" ("Text", "Family", "Order") VALUES ('Căn cứ Kế hoạch số …/KH-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh về cải cách hành chính năm …;', NULL, 60);
