-- segment: hostile_strings
-- catalog: retail@3
-- dialect: sqlite
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE (e."last_name" IS NOT NULL AND e."last_name" = 'O''Brien')
   OR (e."last_name" IS NOT NULL AND e."last_name" = 'O''''Brien')
   OR (e."city" IS NOT NULL AND e."city" = 'back\slash')
   OR (e."city" IS NOT NULL AND e."city" = 'trailing\')
   OR (e."city" IS NOT NULL AND e."city" = '\''')
   OR (e."city" IS NOT NULL AND instr(lower(e."city"), lower('50%')) > 0)
   OR (e."city" IS NOT NULL AND instr(lower(e."city"), lower('_')) > 0)
   OR (e."city" IS NOT NULL AND instr(lower(e."city"), lower('a%b_c\d')) = 1)
   OR (e."city" IS NOT NULL AND e."city" = 'line
break	tab')
   OR (e."city" IS NOT NULL AND e."city" = 'Zürich')
   OR (e."city" IS NOT NULL AND e."city" = '東京 😀')
   OR (e."email_domain" IS NOT NULL AND e."email_domain" = '''; DROP TABLE customers; --')
   OR (e."email_domain" IS NOT NULL AND instr(lower(e."email_domain"), lower('"quoted"')) > 0)
   OR (e."last_name" IS NOT NULL AND e."last_name" = '*/ SELECT 1; /*')
   OR (e."last_name" IS NOT NULL AND e."last_name" = '-- not a comment')
ORDER BY e."customer_id"
