-- segment: everyone_but_opted_out
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE NOT (e."email_opt_out" IS NOT NULL AND e."email_opt_out" = 1)
ORDER BY e."customer_id"
