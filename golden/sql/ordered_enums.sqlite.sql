-- segment: ordered_enums
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."loyalty_tier" IS NOT NULL
  AND e."loyalty_tier" IN ('gold', 'platinum')
  AND e."income_band" IS NOT NULL
  AND e."income_band" IN ('low', 'lower_middle', 'middle')
  AND e."income_band" IN ('lower_middle', 'middle', 'upper_middle', 'high')
  AND (SELECT COUNT(*) FROM "support_tickets" AS ev WHERE ev."customer_id" = e."customer_id" AND ev."severity" IN ('high', 'urgent')) >= 1
ORDER BY e."customer_id"
