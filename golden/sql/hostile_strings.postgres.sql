-- segment: hostile_strings
-- catalog: retail@3
-- dialect: postgres
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (e."last_name" IS NOT NULL AND e."last_name" = 'O''Brien')
   OR (e."last_name" IS NOT NULL AND e."last_name" = 'O''''Brien')
   OR (e."city" IS NOT NULL AND e."city" = E'back\\slash')
   OR (e."city" IS NOT NULL AND e."city" = E'trailing\\')
   OR (e."city" IS NOT NULL AND e."city" = E'\\''')
   OR (e."city" IS NOT NULL AND STRPOS(LOWER(e."city"), LOWER('50%')) > 0)
   OR (e."city" IS NOT NULL AND STRPOS(LOWER(e."city"), LOWER('_')) > 0)
   OR (e."city" IS NOT NULL AND STRPOS(LOWER(e."city"), LOWER(E'a%b_c\\d')) = 1)
   OR (e."city" IS NOT NULL AND e."city" = 'line
break	tab')
   OR (e."city" IS NOT NULL AND e."city" = 'Zürich')
   OR (e."city" IS NOT NULL AND e."city" = '東京 😀')
   OR (e."email_domain" IS NOT NULL AND e."email_domain" = '''; DROP TABLE customers; --')
   OR (e."email_domain" IS NOT NULL AND STRPOS(LOWER(e."email_domain"), LOWER('"quoted"')) > 0)
   OR (e."last_name" IS NOT NULL AND e."last_name" = '*/ SELECT 1; /*')
   OR (e."last_name" IS NOT NULL AND e."last_name" = '-- not a comment')
ORDER BY e."customer_id"
