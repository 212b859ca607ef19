-- segment: ordered_enums
-- catalog: retail@3
-- dialect: postgres
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "support_tickets" AS ev
  WHERE ev."severity" IN ('high', 'urgent')
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
WHERE e."loyalty_tier" IS NOT NULL
  AND e."loyalty_tier" IN ('gold', 'platinum')
  AND e."income_band" IS NOT NULL
  AND e."income_band" IN ('low', 'lower_middle', 'middle')
  AND e."income_band" IN ('lower_middle', 'middle', 'upper_middle', 'high')
  AND COALESCE(a1.v, 0) >= 1
ORDER BY e."customer_id"
