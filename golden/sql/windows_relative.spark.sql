-- segment: windows_relative
-- catalog: retail@3
-- dialect: spark
-- as of: current date
SELECT DISTINCT e.`customer_id`
FROM `customers` AS e
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `orders` AS ev
  WHERE ev.`ordered_at` >= CAST(add_months(date_add(current_date(), 1), -1) AS TIMESTAMP) AND ev.`ordered_at` < CAST(date_add(current_date(), 1) AS TIMESTAMP)
  GROUP BY ev.`customer_id`
) AS a1 ON a1.k = e.`customer_id`
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `orders` AS ev
  WHERE ev.`ordered_at` >= CAST(add_months(date_add(current_date(), 1), -3) AS TIMESTAMP) AND ev.`ordered_at` < CAST(date_add(current_date(), 1) AS TIMESTAMP)
  GROUP BY ev.`customer_id`
) AS a2 ON a2.k = e.`customer_id`
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `support_tickets` AS ev
  WHERE ev.`opened_on` >= add_months(date_add(current_date(), 1), -24) AND ev.`opened_on` < date_add(current_date(), 1)
  GROUP BY ev.`customer_id`
) AS a3 ON a3.k = e.`customer_id`
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `email_events` AS ev
  WHERE ev.`clicked_at` >= CAST(current_date() AS TIMESTAMP) AND ev.`clicked_at` < CAST(date_add(current_date(), 1) AS TIMESTAMP)
  GROUP BY ev.`customer_id`
) AS a4 ON a4.k = e.`customer_id`
WHERE e.`created_at` >= date_add(current_date(), -29)
  AND e.`created_at` < date_add(current_date(), 1)
  AND e.`last_login_at` IS NOT NULL
  AND e.`last_login_at` >= CAST(date_add(current_date(), -13) AS TIMESTAMP)
  AND e.`last_login_at` < CAST(date_add(current_date(), 1) AS TIMESTAMP)
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 2
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
ORDER BY e.`customer_id`
