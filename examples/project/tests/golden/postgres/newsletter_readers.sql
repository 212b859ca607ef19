-- segment: newsletter_readers
-- catalog: retail@3
-- dialect: postgres
-- as of: 2026-03-01
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
LEFT JOIN (
  SELECT ev."customer_id" AS k, COUNT(*) AS v
  FROM "email_events" AS ev
  WHERE ev."link_type" IN ('product', 'promo') AND ev."clicked_at" >= TIMESTAMP '2026-01-01 00:00:00' AND ev."clicked_at" < TIMESTAMP '2026-03-02 00:00:00'
  GROUP BY ev."customer_id"
) AS a1 ON a1.k = e."customer_id"
WHERE COALESCE(a1.v, 0) >= 1
  AND NOT (e."email_opt_out" IS NOT NULL AND e."email_opt_out" = TRUE)
ORDER BY e."customer_id"
