-- segment: count_buyers
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT COUNT(*) AS "count"
FROM (
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (SELECT COUNT(*) FROM "orders" AS ev WHERE ev."customer_id" = e."customer_id") >= 1
) AS s
