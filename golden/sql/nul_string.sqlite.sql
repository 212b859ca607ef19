-- segment: nul_string
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."city" IS NOT NULL
  AND e."city" = ('a' || char(0) || 'b')
ORDER BY e."customer_id"
