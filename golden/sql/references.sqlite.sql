-- segment: vip_not_recent
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (((SELECT SUM(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-01-01' AND ev."ordered_at" < '2026-01-01')) IS NOT NULL AND (SELECT SUM(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-01-01' AND ev."ordered_at" < '2026-01-01')) >= 1000) OR (SELECT COUNT(*) FROM "email_events" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."clicked_at" >= date(CURRENT_DATE, '-89 days') AND ev."clicked_at" < date(CURRENT_DATE, '+1 days'))) >= 1)
  AND (SELECT SUM(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-01-01' AND ev."ordered_at" < '2026-01-01')) IS NOT NULL
  AND (SELECT SUM(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-01-01' AND ev."ordered_at" < '2026-01-01')) >= 1000
  AND NOT (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= date(CURRENT_DATE, '-29 days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days'))) >= 1
  AND NOT (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= date(CURRENT_DATE, '-29 days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days'))) >= 1
ORDER BY e."customer_id"
