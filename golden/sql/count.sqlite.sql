-- segment: count_buyers
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT COUNT(*) AS "count"
FROM (
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "orders" AS ev
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
WHERE COALESCE(a1.v, 0) >= 1
) AS s
