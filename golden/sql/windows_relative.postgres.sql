-- segment: windows_relative
-- catalog: retail@3
-- dialect: postgres
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= CAST(CURRENT_DATE + 1 - INTERVAL '1 months' AS TIMESTAMP) AND ev."ordered_at" < CAST(CURRENT_DATE + 1 AS TIMESTAMP)
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= CAST(CURRENT_DATE + 1 - INTERVAL '3 months' AS TIMESTAMP) AND ev."ordered_at" < CAST(CURRENT_DATE + 1 AS TIMESTAMP)
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."opened_on" >= CAST(CURRENT_DATE + 1 - INTERVAL '24 months' AS DATE) AND ev."opened_on" < (CURRENT_DATE + 1)
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."clicked_at" >= CAST(CURRENT_DATE AS TIMESTAMP) AND ev."clicked_at" < CAST(CURRENT_DATE + 1 AS TIMESTAMP)
  GROUP BY ev."customer_id"
) AS a4 ON a4.k = e."customer_id"
WHERE e."created_at" >= (CURRENT_DATE - 29)
  AND e."created_at" < (CURRENT_DATE + 1)
  AND e."last_login_at" IS NOT NULL
  AND e."last_login_at" >= CAST(CURRENT_DATE - 13 AS TIMESTAMP)
  AND e."last_login_at" < CAST(CURRENT_DATE + 1 AS TIMESTAMP)
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 2
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
ORDER BY e."customer_id"
