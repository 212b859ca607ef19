-- segment: aggregates
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-12-02' AND ev."ordered_at" < '2026-03-02'
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, SUM(ev."amount") AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, AVG(ev."amount") AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a4 ON a4.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, MIN(ev."amount") AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a5 ON a5.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, MAX(ev."item_count") AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a6 ON a6.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(DISTINCT ev."category") AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a7 ON a7.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(DISTINCT ev."campaign") AS v
  FROM "email_events" AS ev
  GROUP BY ev."customer_id"
) AS a8 ON a8.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, AVG(ev."satisfaction") AS v
  FROM "support_tickets" AS ev
  GROUP BY ev."customer_id"
) AS a9 ON a9.k = e."customer_id"
WHERE COALESCE(a1.v, 0) >= 3
  AND COALESCE(a1.v, 0) <= 10
  AND COALESCE(a2.v, 0) = 0
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a1.v, 0) <= 20
  AND a3.v IS NOT NULL
  AND a3.v >= 500
  AND a4.v IS NOT NULL
  AND a4.v < 75.5
  AND a5.v IS NOT NULL
  AND a5.v > 0
  AND a6.v IS NOT NULL
  AND a6.v <= 12
  AND COALESCE(a7.v, 0) >= 2
  AND COALESCE(a8.v, 0) = 0
  AND a9.v IS NOT NULL
  AND a9.v >= 1
  AND a9.v <= 3
ORDER BY e."customer_id"
