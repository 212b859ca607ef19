-- segment: lapsed_outdoor
-- catalog: retail@3
-- dialect: snowflake
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."category" = 'Outdoor' AND ev."ordered_at" >= TIMESTAMP '2024-03-02 00:00:00' AND ev."ordered_at" < TIMESTAMP '2026-03-02 00:00:00'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= TIMESTAMP '2025-09-03 00:00:00' AND ev."ordered_at" < TIMESTAMP '2026-03-02 00:00:00'
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
WHERE e."state" IS NOT NULL
  AND e."state" IN ('CA', 'OR', 'WA')
  AND e."lifetime_spend" IS NOT NULL
  AND e."lifetime_spend" >= 500
  AND COALESCE(a1.v, 0) >= 2
  AND NOT (COALESCE(a2.v, 0) >= 1 OR (e."email_opt_out" IS NOT NULL AND e."email_opt_out" = TRUE))
ORDER BY e."customer_id"
