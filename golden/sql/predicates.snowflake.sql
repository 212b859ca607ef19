-- segment: predicates
-- catalog: retail@3
-- dialect: snowflake
-- as of: current date
SELECT DISTINCT e."customer_id"
FROM "customers" AS e
WHERE e."state" IS NOT NULL
  AND e."state" = 'CA'
  AND e."city" IS NOT NULL
  AND e."city" <> 'Springfield'
  AND e."age" IS NOT NULL
  AND e."age" > 30
  AND e."age" <= 65
  AND e."household_size" IS NOT NULL
  AND e."household_size" < 5
  AND e."loyalty_points" IS NOT NULL
  AND e."loyalty_points" >= -10
  AND e."lifetime_spend" IS NOT NULL
  AND e."lifetime_spend" >= 100
  AND e."lifetime_spend" <= 2500.50
  AND e."gender" IS NOT NULL
  AND e."gender" IN ('female', 'nonbinary')
  AND e."acquisition_source" IS NOT NULL
  AND e."acquisition_source" NOT IN ('paid_search', 'affiliate')
  AND e."email_domain" IS NOT NULL
  AND CONTAINS(LOWER(e."email_domain"), LOWER('mail'))
  AND e."last_name" IS NOT NULL
  AND STARTSWITH(LOWER(e."last_name"), LOWER('Mc'))
  AND e."birth_date" IS NOT NULL
  AND e."returns_rate" IS NULL
  AND e."sms_opt_in" IS NOT NULL
  AND e."sms_opt_in" = TRUE
  AND e."is_employee" = FALSE
  AND e."country" <> 'MX'
ORDER BY e."customer_id"
