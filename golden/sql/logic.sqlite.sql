-- segment: logic
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE ((e."state" IS NOT NULL AND e."state" = 'CA') OR (e."state" IS NOT NULL AND e."state" = 'OR' AND NOT (e."email_opt_out" IS NOT NULL AND e."email_opt_out" = 1)))
  AND NOT ((e."age" IS NOT NULL AND e."age" < 18) OR e."is_employee" = 1)
  AND e."has_app" = 1
  AND NOT ((e."email_opt_out" IS NOT NULL AND e."email_opt_out" = 1) OR (e."churn_score" IS NOT NULL AND e."churn_score" > 0.8))
ORDER BY e."customer_id"
