-- segment: windows_relative
-- catalog: retail@3
-- dialect: bigquery
-- as of: current date
SELECT DISTINCT e.`customer_id`
FROM `customers` AS e
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `orders` AS ev
  WHERE ev.`ordered_at` >= TIMESTAMP(DATE_SUB(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY), INTERVAL 1 MONTH)) AND ev.`ordered_at` < TIMESTAMP(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY))
  GROUP BY ev.`customer_id`
) AS a1 ON a1.k = e.`customer_id`
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `orders` AS ev
  WHERE ev.`ordered_at` >= TIMESTAMP(DATE_SUB(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY), INTERVAL 3 MONTH)) AND ev.`ordered_at` < TIMESTAMP(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY))
  GROUP BY ev.`customer_id`
) AS a2 ON a2.k = e.`customer_id`
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `support_tickets` AS ev
  WHERE ev.`opened_on` >= DATE_SUB(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY), INTERVAL 24 MONTH) AND ev.`opened_on` < DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY)
  GROUP BY ev.`customer_id`
) AS a3 ON a3.k = e.`customer_id`
LEFT JOIN (
  SELECT ev.`customer_id` AS k, COUNT(*) AS v
  FROM `email_events` AS ev
  WHERE ev.`clicked_at` >= TIMESTAMP(CURRENT_DATE()) AND ev.`clicked_at` < TIMESTAMP(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY))
  GROUP BY ev.`customer_id`
) AS a4 ON a4.k = e.`customer_id`
WHERE e.`created_at` >= DATE_SUB(CURRENT_DATE(), INTERVAL 29 DAY)
  AND e.`created_at` < DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY)
  AND e.`last_login_at` IS NOT NULL
  AND e.`last_login_at` >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 13 DAY))
  AND e.`last_login_at` < TIMESTAMP(DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY))
  AND COALESCE(a1.v, 0) >= 1
  AND COALESCE(a2.v, 0) >= 2
  AND COALESCE(a3.v, 0) >= 1
  AND COALESCE(a4.v, 0) >= 1
ORDER BY e.`customer_id`
