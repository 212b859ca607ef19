-- Hand-made data for catalogs/saas.yaml (storage convention of notes/db.md: dates TEXT
-- 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DD HH:MM:SS', bools 0/1, decimals REAL).
-- Expected key sets in ConformanceMeaningTests are derived by hand from these rows and the spec.
CREATE TABLE "SaaS Accounts" (
  acct_id TEXT PRIMARY KEY, plan TEXT, "Region" TEXT, "Company Name" TEXT, lastname TEXT,
  "SeatCount" INTEGER, "MRR" REAL, in_trial INTEGER, from_source TEXT, counts INTEGER,
  "SignupDay" TEXT NOT NULL, "LastSeenAt" TEXT, health_score REAL);
INSERT INTO "SaaS Accounts" VALUES
 ('a1', 'pro',        'EMEA', 'Acme 100% Inc',  'O''Brien', 10,   500.0, 0,    'inbound',  3,    '2025-01-15', '2026-03-30 23:59:59', 0.9),
 ('a2', 'free',       'AMER', 'acme_labs',      'Smith',    1,    0.0,   1,    'outbound', 0,    '2026-03-30', '2026-03-31 00:00:00', 0.2),
 ('a3', 'enterprise', NULL,   'Back\slash Ltd', NULL,       NULL, NULL,  NULL, NULL,       NULL, '2024-07-01', NULL,                  NULL),
 ('a4', NULL,         'APAC', 'ACME',           'smith',    50,   12.5,  0,    'partner',  7,    '2025-06-30', '2026-02-28 00:00:00', 0.5),
 ('a5', 'starter',    'EMEA', NULL,             'Nguyễn',   5,    99.99, 1,    'inbound',  1,    '2026-02-28', '2026-02-27 23:59:59', 0.7),
 ('a6', 'pro',        'AMER', 'Widgets',        'x',        20,   100.0, 0,    'inbound',  2,    '2023-12-31', '2025-07-01 00:00:00', NULL);
CREATE TABLE invoices (account_ref TEXT, issued_on TEXT, "Total" REAL, status TEXT, line_items INTEGER);
INSERT INTO invoices VALUES
 ('a1', '2026-03-30', 100.0, 'paid', 2),
 ('a1', '2026-02-28', 50.0,  'paid', 1),
 ('a1', '2025-07-01', NULL,  'void', NULL),
 ('a1', '2025-06-30', 20.0,  'open', 3),
 ('a2', '2026-03-31', 10.0,  'paid', 1),
 ('a3', '2026-02-27', 200.0, 'open', 5),
 ('a4', '2026-01-01', NULL,  NULL,   NULL),
 ('a5', '2026-03-01', 30.0,  'paid', 1),
 ('a5', '2026-03-01', 30.0,  'paid', 1);
CREATE TABLE "Login Events" ("acct_id" TEXT, "LoggedAt" TEXT, user_email TEXT, sso INTEGER);
INSERT INTO "Login Events" VALUES
 ('a1', '2026-03-30 23:59:59', 'ceo@acme.com', 1),
 ('a1', '2026-02-28 00:00:00', 'OPS@ACME.COM', 0),
 ('a2', '2026-03-31 00:00:00', NULL,           NULL),
 ('a3', '2026-02-27 23:59:59', 'x@y',          1),
 ('a4', '2025-12-31 23:59:59', 'a@b',          0),
 ('a5', '2026-01-01 00:00:00', 'c@d',          1),
 ('a3', NULL,                  'null@time',    1);
