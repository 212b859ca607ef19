-- segment: everyone_but_opted_out
-- catalog: retail@3
-- dialect: bigquery
-- as of: current date
SELECT DISTINCT e.`customer_id`
FROM `customers` AS e
WHERE NOT (e.`email_opt_out` IS NOT NULL AND e.`email_opt_out` = TRUE)
ORDER BY e.`customer_id`
