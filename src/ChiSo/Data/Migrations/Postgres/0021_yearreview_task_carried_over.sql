-- 0021: a drafted task that carries over a task of last year's plan that did not work (not done, or done while its
-- index node still fell against the national change) says so ("Chuyển tiếp từ Kế hoạch 115/KH-UBND: chưa hoàn
-- thành"), so the coordinator sees it and decides. Null on every other task; existing tasks keep null.

ALTER TABLE plan_tasks ADD "CarriedOver" character varying(500);
