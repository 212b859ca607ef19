-- segment: nobody
-- catalog: retail@3
-- dialect: snowflake
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE FALSE
ORDER BY e."customer_id"
