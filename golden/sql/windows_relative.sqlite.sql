-- segment: windows_relative
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= date(CURRENT_DATE, '+1 days', 'start of month', '-1 months', '+' || (min(CAST(strftime('%d', CURRENT_DATE, '+1 days') AS INTEGER), CAST(strftime('%d', CURRENT_DATE, '+1 days', 'start of month', '-1 months', '+1 month', '-1 day') AS INTEGER)) - 1) || ' days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  WHERE ev."ordered_at" >= date(CURRENT_DATE, '+1 days', 'start of month', '-3 months', '+' || (min(CAST(strftime('%d', CURRENT_DATE, '+1 days') AS INTEGER), CAST(strftime('%d', CURRENT_DATE, '+1 days', 'start of month', '-3 months', '+1 month', '-1 day') AS INTEGER)) - 1) || ' days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a2 ON a2.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."opened_on" >= date(CURRENT_DATE, '+1 days', 'start of month', '-24 months', '+' || (min(CAST(strftime('%d', CURRENT_DATE, '+1 days') AS INTEGER), CAST(strftime('%d', CURRENT_DATE, '+1 days', 'start of month', '-24 months', '+1 month', '-1 day') AS INTEGER)) - 1) || ' days') AND ev."opened_on" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a3 ON a3.k = e."customer_id"
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."clicked_at" >= CURRENT_DATE AND ev."clicked_at" < date(CURRENT_DATE, '+1 days')
  GROUP BY ev."customer_id"
) AS a4 ON a4.k = e."customer_id"
WHERE e."created_at" >= date(CURRENT_DATE, '-29 days')
  AND e."created_at" < date(CURRENT_DATE, '+1 days')
  AND e."last_login_at" IS NOT NULL
  AND e."last_login_at" >= date(CURRENT_DATE, '-13 days')
  AND e."last_login_at" < date(CURRENT_DATE, '+1 days')
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 2
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
ORDER BY e."customer_id"
