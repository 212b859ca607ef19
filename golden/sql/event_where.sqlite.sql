-- segment: event_where
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."category" = 'Outdoor' AND ev."channel" <> 'store' AND ev."amount" >= 20 AND ev."ordered_at" >= '2025-09-02' AND ev."ordered_at" < '2026-03-02')) >= 2
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (instr(lower(ev."discount_code"), lower('SAVE')) > 0 AND ev."is_gift" = 1)) >= 1
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."category" NOT IN ('Grocery', 'Toys') AND ev."store_id" IS NULL)) >= 1
  AND (SELECT COUNT(*) FROM "email_events" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."link_type" IN ('product', 'promo') AND instr(lower(ev."campaign"), lower('spring')) = 1)) >= 1
  AND NOT (SELECT COUNT(*) FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."topic" = 'refund' AND ev."opened_on" >= '2026-01-31' AND ev."opened_on" < '2026-03-02')) >= 1
ORDER BY e."customer_id"
