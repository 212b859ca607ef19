-- segment: gold_and_up
-- catalog: retail@3
-- dialect: snowflake
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."loyalty_tier" IS NOT NULL
  AND e."loyalty_tier" IN ('gold', 'platinum')
ORDER BY e."customer_id"
