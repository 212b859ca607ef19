-- segment: windows_relative
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."created_at" >= date(CURRENT_DATE, '-29 days')
  AND e."created_at" < date(CURRENT_DATE, '+1 days')
  AND e."last_login_at" IS NOT NULL
  AND e."last_login_at" >= date(CURRENT_DATE, '-13 days')
  AND e."last_login_at" < date(CURRENT_DATE, '+1 days')
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= date(CURRENT_DATE, '+1 days', 'start of month', '-1 months', '+' || (min(CAST(strftime('%d', CURRENT_DATE, '+1 days') AS INTEGER), CAST(strftime('%d', CURRENT_DATE, '+1 days', 'start of month', '-1 months', '+1 month', '-1 day') AS INTEGER)) - 1) || ' days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days'))) >= 1
  AND (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."ordered_at" >= date(CURRENT_DATE, '+1 days', 'start of month', '-3 months', '+' || (min(CAST(strftime('%d', CURRENT_DATE, '+1 days') AS INTEGER), CAST(strftime('%d', CURRENT_DATE, '+1 days', 'start of month', '-3 months', '+1 month', '-1 day') AS INTEGER)) - 1) || ' days') AND ev."ordered_at" < date(CURRENT_DATE, '+1 days'))) >= 2
  AND (SELECT COUNT(*) FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."opened_on" >= date(CURRENT_DATE, '+1 days', 'start of month', '-24 months', '+' || (min(CAST(strftime('%d', CURRENT_DATE, '+1 days') AS INTEGER), CAST(strftime('%d', CURRENT_DATE, '+1 days', 'start of month', '-24 months', '+1 month', '-1 day') AS INTEGER)) - 1) || ' days') AND ev."opened_on" < date(CURRENT_DATE, '+1 days'))) >= 1
  AND (SELECT COUNT(*) FROM "email_events" AS ev WHERE ev."customer_id" = e."customer_id" AND (ev."clicked_at" >= CURRENT_DATE AND ev."clicked_at" < date(CURRENT_DATE, '+1 days'))) >= 1
ORDER BY e."customer_id"
