-- segment: vip_not_recent
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, SUM(ev."amount") AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-01-01' AND ev."ordered_at" < '2026-01-01'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."clicked_at" >= date(CURRENT_DATE, '-89 days') AND ev."clicked_at" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= date(CURRENT_DATE, '-29 days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
WHERE ((a1.v IS NOT NULL AND a1.v >= 1000) OR COALESCE(a2.v, 0) >= 1)
  AND a1.v IS NOT NULL
  AND a1.v >= 1000
  AND NOT COALESCE(a3.v, 0) >= 1
  AND NOT COALESCE(a3.v, 0) >= 1
ORDER BY e."customer_id"
