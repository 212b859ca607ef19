-- segment: aggregates
-- catalog: retail@3
-- dialect: sqlite
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") >= 3
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") <= 10
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= '2025-12-02' AND ev."ordered_at" < '2026-03-02')) = 0
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") >= 1
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") <= 20
  AND (SELECT SUM(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") IS NOT NULL
  AND (SELECT SUM(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") >= 500
  AND (SELECT AVG(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") IS NOT NULL
  AND (SELECT AVG(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") < 75.5
  AND (SELECT MIN(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") IS NOT NULL
  AND (SELECT MIN(ev."amount") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") > 0
  AND (SELECT MAX(ev."item_count") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") IS NOT NULL
  AND (SELECT MAX(ev."item_count") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") <= 12
  AND (SELECT COUNT(DISTINCT ev."category") FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") >= 2
  AND (SELECT COUNT(DISTINCT ev."campaign") FROM "email_events" AS ev WHERE ev."customer_id" = e."customer_id") = 0
  AND (SELECT AVG(ev."satisfaction") FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id") IS NOT NULL
  AND (SELECT AVG(ev."satisfaction") FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id") >= 1
  AND (SELECT AVG(ev."satisfaction") FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id") <= 3
ORDER BY e."customer_id"
