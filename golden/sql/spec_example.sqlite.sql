-- segment: lapsed_outdoor
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."category" = 'Outdoor' AND ev."ordered_at" >= '2024-03-02' AND ev."ordered_at" < '2026-03-02'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."link_type" <> 'unsubscribe' AND ev."clicked_at" >= date(CURRENT_DATE, '-89 days') AND ev."clicked_at" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= '2025-09-03' AND ev."ordered_at" < '2026-03-02'
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
WHERE e."state" IS NOT NULL
  AND e."state" IN ('CA', 'OR', 'WA')
  AND e."lifetime_spend" IS NOT NULL
  AND e."lifetime_spend" >= 500
  AND COALESCE(a1.v, 0) >= 2
  AND ((e."loyalty_tier" IS NOT NULL AND e."loyalty_tier" IN ('gold', 'platinum')) OR COALESCE(a2.v, 0) >= 1)
  AND NOT (COALESCE(a3.v, 0) >= 1 OR (e."email_opt_out" IS NOT NULL AND e."email_opt_out" = 1))
ORDER BY e."customer_id"
