-- segment: windows_pinned
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-30
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2026-02-28' AND ev."ordered_at" < '2026-03-31'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-12-31' AND ev."ordered_at" < '2026-03-31'
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-03-31' AND ev."ordered_at" < '2026-03-31'
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."clicked_at" >= '2025-12-01' AND ev."clicked_at" < '2026-01-01'
  GROUP BY ev."customer_id"
) AS a4 ON a4.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."opened_on" >= '2025-02-01' AND ev."opened_on" < '2026-02-01'
  GROUP BY ev."customer_id"
) AS a5 ON a5.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-11-01' AND ev."ordered_at" < '2026-02-01'
  GROUP BY ev."customer_id"
) AS a6 ON a6.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2026-01-01'
  GROUP BY ev."customer_id"
) AS a7 ON a7.k = e."customer_id"
WHERE e."created_at" >= '2026-03-01'
  AND e."created_at" < '2026-03-31'
  AND e."last_login_at" IS NOT NULL
  AND e."last_login_at" >= '2026-03-17'
  AND e."last_login_at" < '2026-03-31'
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 2
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
  AND COALESCE(a5.v, 0) >= 1
  AND COALESCE(a6.v, 0) >= 1
  AND COALESCE(a7.v, 0) >= 1
  AND e."birth_date" IS NOT NULL
  AND e."birth_date" < '1990-01-01'
  AND e."last_login_at" >= '2026-01-01'
  AND e."created_at" > '2024-02-29'
  AND e."last_login_at" = '2026-03-01 00:00:00'
ORDER BY e."customer_id"
