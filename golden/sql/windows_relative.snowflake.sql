-- segment: windows_relative
-- catalog: retail@3
-- dialect: snowflake
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= CAST(DATEADD(month, -1, DATEADD(day, 1, CURRENT_DATE())) AS TIMESTAMP) AND ev."ordered_at" < CAST(DATEADD(day, 1, CURRENT_DATE()) AS TIMESTAMP)
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= CAST(DATEADD(month, -3, DATEADD(day, 1, CURRENT_DATE())) AS TIMESTAMP) AND ev."ordered_at" < CAST(DATEADD(day, 1, CURRENT_DATE()) AS TIMESTAMP)
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."opened_on" >= DATEADD(month, -24, DATEADD(day, 1, CURRENT_DATE())) AND ev."opened_on" < DATEADD(day, 1, CURRENT_DATE())
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."clicked_at" >= CAST(CURRENT_DATE() AS TIMESTAMP) AND ev."clicked_at" < CAST(DATEADD(day, 1, CURRENT_DATE()) AS TIMESTAMP)
  GROUP BY ev."customer_id"
) AS a4 ON a4.k = e."customer_id"
WHERE e."created_at" >= DATEADD(day, -29, CURRENT_DATE())
  AND e."created_at" < DATEADD(day, 1, CURRENT_DATE())
  AND e."last_login_at" IS NOT NULL
  AND e."last_login_at" >= CAST(DATEADD(day, -13, CURRENT_DATE()) AS TIMESTAMP)
  AND e."last_login_at" < CAST(DATEADD(day, 1, CURRENT_DATE()) AS TIMESTAMP)
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 2
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
ORDER BY e."customer_id"
