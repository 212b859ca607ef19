-- segment: windows_pinned
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-30
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."created_at" >= '2026-03-01'
  AND e."created_at" < '2026-03-31'
  AND e."last_login_at" IS NOT NULL
  AND e."last_login_at" >= '2026-03-17'
  AND e."last_login_at" < '2026-03-31'
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2026-02-28' AND ev."ordered_at" < '2026-03-31')) >= 1
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-12-31' AND ev."ordered_at" < '2026-03-31')) >= 2
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-03-31' AND ev."ordered_at" < '2026-03-31')) >= 1
  AND (SELECT COUNT(*) FROM "email_events" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."clicked_at" >= '2025-12-01' AND ev."clicked_at" < '2026-01-01')) >= 1
  AND (SELECT COUNT(*) FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."opened_on" >= '2025-02-01' AND ev."opened_on" < '2026-02-01')) >= 1
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-11-01' AND ev."ordered_at" < '2026-02-01')) >= 1
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND ev."ordered_at" >= '2026-01-01') >= 1
  AND e."birth_date" IS NOT NULL
  AND e."birth_date" < '1990-01-01'
  AND e."last_login_at" >= '2026-01-01'
  AND e."created_at" > '2024-02-29'
  AND replace(e."last_login_at", 'T', ' ') = '2026-03-01 00:00:00'
ORDER BY e."customer_id"
