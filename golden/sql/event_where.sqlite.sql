-- segment: event_where
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."category" = 'Outdoor' AND ev."channel" <> 'store' AND ev."amount" >= 20 AND ev."ordered_at" >= '2025-09-02' AND ev."ordered_at" < '2026-03-02'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE instr(lower(ev."discount_code"), lower('SAVE')) > 0 AND ev."is_gift" = 1
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."category" NOT IN ('Grocery', 'Toys') AND ev."store_id" IS NULL
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."link_type" IN ('product', 'promo') AND instr(lower(ev."campaign"), lower('spring')) = 1
  GROUP BY ev."customer_id"
) AS a4 ON a4.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."topic" = 'refund' AND ev."opened_on" >= '2026-01-31' AND ev."opened_on" < '2026-03-02'
  GROUP BY ev."customer_id"
) AS a5 ON a5.k = e."customer_id"
WHERE COALESCE(a1.v, 0) >= 2
  AND COALESCE(a2.v, 0) >= 1
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
  AND NOT COALESCE(a5.v, 0) >= 1
ORDER BY e."customer_id"
