-- segment: lapsed_outdoor
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."state" IS NOT NULL
  AND e."state" IN ('CA', 'OR', 'WA')
  AND e."lifetime_spend" IS NOT NULL
  AND e."lifetime_spend" >= 500
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."category" = 'Outdoor' AND ev."ordered_at" >= '2024-03-02' AND ev."ordered_at" < '2026-03-02')) >= 2
  AND ((e."loyalty_tier" IS NOT NULL AND e."loyalty_tier" IN ('gold', 'platinum')) OR (SELECT COUNT(*) FROM "email_events" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."link_type" <> 'unsubscribe' AND ev."clicked_at" >= date(CURRENT_DATE, '-89 days') AND ev."clicked_at" < date(CURRENT_DATE, '+1 days'))) >= 1)
  AND NOT ((SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-09-03' AND ev."ordered_at" < '2026-03-02')) >= 1 OR (e."email_opt_out" IS NOT NULL AND e."email_opt_out" = 1))
ORDER BY e."customer_id"
