-- segment: windows_option_as_of
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-01-30
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-12-31' AND ev."ordered_at" < '2026-01-31'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."opened_on" >= '2025-07-31' AND ev."opened_on" < '2026-01-31'
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
WHERE COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 1
  AND e."created_at" >= '2025-01-31'
  AND e."created_at" < '2026-01-31'
ORDER BY e."customer_id"
