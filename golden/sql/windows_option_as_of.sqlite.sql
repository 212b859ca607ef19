-- segment: windows_option_as_of
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-01-30
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-12-31' AND ev."ordered_at" < '2026-01-31')) >= 1
  AND (SELECT COUNT(*) FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."opened_on" >= '2025-07-31' AND ev."opened_on" < '2026-01-31')) >= 1
  AND e."created_at" >= '2025-01-31'
  AND e."created_at" < '2026-01-31'
ORDER BY e."customer_id"
