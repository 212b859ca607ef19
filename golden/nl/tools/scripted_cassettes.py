#!/usr/bin/env python3
"""Writes the SCRIPTED cassettes of golden/nl: LLM stage responses written by hand in the
pipeline's protocol (prompts/decompose|map|date|repair.prompt), not outputs of any model.

They exist because no real LLM is reachable where this project is built; they let the eval
exercise the pipeline's own machinery offline: verbatim-span checks, retrieval-bounded grounding,
window placement, assembly, the checker, repairs, clarifications and refusals. Several scripts are
deliberately imperfect, the way models are (a paraphrased span, a value retrieval did not offer,
a rolling year where a clarification was due), so the eval shows what the pipeline does with them.

Run from the repository root:  python3 golden/nl/tools/scripted_cassettes.py
It overwrites only cassettes whose provenance is "scripted" (never a recorded one).
"""
import json, os, sys

MODEL = "scripted-by-hand"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases")

def decompose(*parts, refusal=None, attempt=1):
    body = {"refusal": refusal, "parts": [{"span": s, "exclude": e} for s, e in parts]}
    return {"stage": "decompose", "span": None, "attempt": attempt, "text": json.dumps(body)}

def mapped(span, condition, unmapped=(), attempt=1, stage="map"):
    return {"stage": stage, "span": span, "attempt": attempt,
            "text": json.dumps({"condition": condition, "unmapped": list(unmapped)})}

def repair(span, condition, unmapped=(), attempt=1):
    return mapped(span, condition, unmapped, attempt, stage="repair")

def date(span, window=None, frm=None, inferred=False, attempt=1):
    return {"stage": "date", "span": span, "attempt": attempt,
            "text": json.dumps({"window": window, "from": frm, "inferred": inferred})}

def no_date(span, attempt=1):
    return date(span, attempt=attempt)

CASSETTES = {}
def cassette(case, note, *interactions):
    CASSETTES[case] = (note, interactions)

# ---- single conditions
cassette("001-state-california", "one part, a state name mapped to its code",
    decompose(("customers in California", False)),
    mapped("customers in California", 'state = "CA" [RETRIEVED: state from "California"] [RETRIEVED: "CA" from "California"]'),
    no_date("customers in California"))
cassette("004-tier-ordered", "ordered facet: 'or better' as >=",
    decompose(("customers with gold status or better", False)),
    mapped("customers with gold status or better", 'loyalty_tier >= "gold" [RETRIEVED: loyalty_tier from "status"] [RETRIEVED: "gold" from "gold"]'),
    no_date("customers with gold status or better"))
cassette("005-email-optout", "a hallucinated facet (marketing_opt_out) rejected by grounding, fixed by the repair stage",
    decompose(("customers who unsubscribed from marketing email", False)),
    mapped("customers who unsubscribed from marketing email", 'marketing_opt_out = true [RETRIEVED: marketing_opt_out from "unsubscribed"]'),
    no_date("customers who unsubscribed from marketing email"),
    repair("customers who unsubscribed from marketing email", 'email_opt_out = true [RETRIEVED: email_opt_out from "unsubscribed"]'))
cassette("008-age-over", "retrieval offers no candidate for 'older than 65' (age's synonym is 'years old'), so a model that follows the prompt reports it unmapped",
    decompose(("customers older than 65", False)),
    mapped("customers older than 65", None, unmapped=["older than 65"]),
    no_date("customers older than 65"))
cassette("021-points-over", "a type error (a quoted number) that passes grounding, fails the checker, and is repaired from the rendered diagnostic",
    decompose(("customers with more than 5000 reward points", False)),
    mapped("customers with more than 5000 reward points", 'loyalty_points > "5000" [RETRIEVED: loyalty_points from "reward points"]'),
    no_date("customers with more than 5000 reward points"),
    repair("customers with more than 5000 reward points", 'loyalty_points > 5000 [RETRIEVED: loyalty_points from "reward points"]'))
cassette("010-ltv-at-least", "a synonym and a formatted amount",
    decompose(("customers with a lifetime value of at least $1,000", False)),
    mapped("customers with a lifetime value of at least $1,000", 'lifetime_spend >= 1000 [RETRIEVED: lifetime_spend from "lifetime value"]'),
    no_date("customers with a lifetime value of at least $1,000"))
cassette("012-orders-below", "a plausible model mistake: the purchase event instead of the order_count facet",
    decompose(("customers whose number of orders is below 3", False)),
    mapped("customers whose number of orders is below 3", 'has purchase @window count < 3 [RETRIEVED: purchase from "orders"]'),
    no_date("customers whose number of orders is below 3"))
cassette("013-joined-recent", "a window on a date facet",
    decompose(("customers who joined in the last 30 days", False)),
    mapped("customers who joined in the last 30 days", 'signup_date @window [RETRIEVED: signup_date from "joined"]'),
    date("customers who joined in the last 30 days", "during last 30 days", "in the last 30 days"))
cassette("026-typo-tier", "decompose 'fixes' the typo (not verbatim), is told so, and copies the words on the retry",
    decompose(("platinum tier customers", False)),
    decompose(("platnum tier customers", False), attempt=2),
    mapped("platnum tier customers", 'loyalty_tier = "platinum" [RETRIEVED: loyalty_tier from "tier"] [RETRIEVED: "platinum" from "platnum"]'),
    no_date("platnum tier customers"))

# ---- events and time
cassette("031-outdoor-6m", "event with an enumerated field and a window",
    decompose(("customers who bought outdoor gear in the last 6 months", False)),
    mapped("customers who bought outdoor gear in the last 6 months",
           'has purchase where category = "Outdoor" @window [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "gear"] [RETRIEVED: "Outdoor" from "outdoor"]'),
    date("customers who bought outdoor gear in the last 6 months", "during last 6 months", "in the last 6 months"))
cassette("033-electronics-sum", "an aggregate over a window",
    decompose(("customers who spent more than $500 on electronics in the past year", False)),
    mapped("customers who spent more than $500 on electronics in the past year",
           'has purchase where category = "Electronics" @window sum(amount) > 500 [RETRIEVED: purchase from "spent"] [RETRIEVED: purchase.category from "electronics"] [RETRIEVED: purchase.amount from "spent"] [RETRIEVED: "Electronics" from "electronics"]'),
    date("customers who spent more than $500 on electronics in the past year", "during last 1 year", "in the past year"))
cassette("042-gift-fq4", "a fiscal quarter",
    decompose(("customers who bought a gift in Q4 of fiscal 2026", False)),
    mapped("customers who bought a gift in Q4 of fiscal 2026",
           'has purchase where is_gift = true @window [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.is_gift from "gift"]'),
    date("customers who bought a gift in Q4 of fiscal 2026", "during fiscal_quarter 2026 Q4", "Q4 of fiscal 2026"))
cassette("045-last-fiscal-year", "relative fiscal time: the date stage must know today (2026-03-01 -> FY2027, so last is FY2026)",
    decompose(("customers who purchased last fiscal year", False)),
    mapped("customers who purchased last fiscal year", 'has purchase @window [RETRIEVED: purchase from "purchased"]'),
    date("customers who purchased last fiscal year", "during fiscal_year 2026", "last fiscal year"))
cassette("048-fq1-as-dates", "the model answers with the fiscal quarter for the same dates: an execution match, not an exact one",
    decompose(("customers who bought between February 1 and April 30, 2025", False)),
    mapped("customers who bought between February 1 and April 30, 2025", 'has purchase @window [RETRIEVED: purchase from "bought"]'),
    date("customers who bought between February 1 and April 30, 2025", "during fiscal_quarter 2026 Q1", "between February 1 and April 30, 2025"))

# ---- multi-part
cassette("060-demo-request", "the README request: two parts and an exclusion, map and date in parallel",
    decompose(("California customers", False), ("bought outdoor gear in the last 90 days", False), ("email opt-outs", True)),
    mapped("California customers", 'state = "CA" [RETRIEVED: state from "California"] [RETRIEVED: "CA" from "California"]'),
    no_date("California customers"),
    mapped("bought outdoor gear in the last 90 days",
           'has purchase where category = "Outdoor" @window [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "gear"] [RETRIEVED: "Outdoor" from "outdoor"]'),
    date("bought outdoor gear in the last 90 days", "during last 90 days", "in the last 90 days"),
    mapped("email opt-outs", 'email_opt_out = true [RETRIEVED: email_opt_out from "email opt-outs"]'),
    no_date("email opt-outs"))
cassette("063-event-two-fields", "one event part with two fields, and an exclusion",
    decompose(("customers who bought electronics online in the last 30 days", False), ("employees", True)),
    mapped("customers who bought electronics online in the last 30 days",
           'has purchase where category = "Electronics" and channel = "online" @window [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "electronics"] [RETRIEVED: purchase.channel from "online"] [RETRIEVED: "Electronics" from "electronics"] [RETRIEVED: "online" from "online"]'),
    date("customers who bought electronics online in the last 30 days", "during last 30 days", "in the last 30 days"),
    mapped("employees", 'is_employee = true [RETRIEVED: is_employee from "employees"]'),
    no_date("employees"))
cassette("066-either-or", "an any block across two facets in one part",
    decompose(("customers who either have a predicted lifetime value above 1000 or are platinum", False)),
    mapped("customers who either have a predicted lifetime value above 1000 or are platinum",
           'any { predicted_clv > 1000 [RETRIEVED: predicted_clv from "predicted lifetime value"] loyalty_tier = "platinum" [RETRIEVED: loyalty_tier from "platinum"] [RETRIEVED: "platinum" from "platinum"] }'),
    no_date("customers who either have a predicted lifetime value above 1000 or are platinum"))
cassette("075-except-states", "an exclusion only",
    decompose(("those in Alaska and Hawaii", True)),
    mapped("those in Alaska and Hawaii", 'state in ["AK", "HI"] [RETRIEVED: state from "Alaska"] [RETRIEVED: "AK" from "Alaska"] [RETRIEVED: "HI" from "Hawaii"]'),
    no_date("those in Alaska and Hawaii"))
cassette("080-es-california-outdoor", "Spanish request, spans copied verbatim, catalog values in English",
    decompose(("clientes de California", False), ("compraron artículos de outdoor en los últimos 90 días", False)),
    mapped("clientes de California", 'state = "CA" [RETRIEVED: state from "California"] [RETRIEVED: "CA" from "California"]'),
    no_date("clientes de California"),
    mapped("compraron artículos de outdoor en los últimos 90 días",
           'has purchase where category = "Outdoor" @window [RETRIEVED: purchase.category from "outdoor"] [RETRIEVED: "Outdoor" from "outdoor"]'),
    date("compraron artículos de outdoor en los últimos 90 días", "during last 90 days", "en los últimos 90 días"))

# ---- clarifications
cassette("100-recently", "a vague time word: the date stage guesses with inferred=true, the pipeline asks; then the answered round",
    decompose(("customers who bought recently", False)),
    mapped("customers who bought recently", 'has purchase @window [RETRIEVED: purchase from "bought"]'),
    date("customers who bought recently", "during last 30 days", "recently", inferred=True),
    decompose(("customers who bought recently", False), attempt=2),
    mapped("customers who bought recently", 'has purchase @window [RETRIEVED: purchase from "bought"]', attempt=2),
    date("customers who bought recently", "during last 30 days", "recently", inferred=True, attempt=2))
cassette("101-high-value", "a threshold the user did not give: INFERRED number -> question",
    decompose(("high-value customers", False)),
    mapped("high-value customers", 'lifetime_spend >= 1000 [RETRIEVED: lifetime_spend from "high-value"] [INFERRED: 1000 from "high-value"]'),
    no_date("high-value customers"),
    decompose(("high-value customers", False), attempt=2),
    mapped("high-value customers", 'lifetime_spend >= 1000 [RETRIEVED: lifetime_spend from "high-value"] [INFERRED: 1000 from "high-value"]', attempt=2),
    no_date("high-value customers", attempt=2))
cassette("102-last-year", "a plausible model mistake: 'last year' read as the rolling 12 months with no question asked",
    decompose(("customers who purchased last year", False)),
    mapped("customers who purchased last year", 'has purchase @window [RETRIEVED: purchase from "purchased"]'),
    date("customers who purchased last year", "during last 1 year", "last year"))

# ---- refusals and adversarial requests
cassette("110-delete-ca", "refused by the request guard before any model call: no interactions", )
cassette("111-weather", "decompose refuses an out-of-scope question",
    decompose(refusal="a weather question, not a description of customers"))
cassette("114-poem", "decompose refuses creative writing",
    decompose(refusal="asks for a poem, not a description of customers"))
cassette("117-system-prompt", "decompose refuses prompt extraction",
    decompose(refusal="asks for the system prompt and credentials, not a description of customers"))
cassette("118-injection-suffix", "the injected instruction is data: decompose keeps the real part only",
    decompose(("customers in Texas", False)),
    mapped("customers in Texas", 'state = "TX" [RETRIEVED: state from "Texas"] [RETRIEVED: "TX" from "Texas"]'),
    no_date("customers in Texas"))
cassette("120-favourite-colour", "map says honestly that nothing fits",
    decompose(("customers whose favourite colour is blue", False)),
    mapped("customers whose favourite colour is blue", None, unmapped=["favourite colour", "blue"]),
    no_date("customers whose favourite colour is blue"))
cassette("122-unknown-category", "a hallucination: the model maps 'garden furniture' to Home, which retrieval did not offer; the repair gives up",
    decompose(("customers who bought garden furniture in the last 90 days", False)),
    mapped("customers who bought garden furniture in the last 90 days",
           'has purchase where category = "Home" @window [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "furniture"] [RETRIEVED: "Home" from "garden furniture"]'),
    date("customers who bought garden furniture in the last 90 days", "during last 90 days", "in the last 90 days"),
    repair("customers who bought garden furniture in the last 90 days", None, unmapped=["garden furniture"]))


# ---- second batch: broader coverage
def single(case, note, span, condition, window=None, frm=None):
    ints = [decompose((span, False)), mapped(span, condition)]
    ints.append(date(span, window, frm) if window else no_date(span))
    cassette(case, note, *ints)

single("002-state-two", "two values of one facet as a list", "customers from Oregon or Washington",
       'state in ["OR", "WA"] [RETRIEVED: state from "Oregon"] [RETRIEVED: "OR" from "Oregon"] [RETRIEVED: "WA" from "Washington"]')
single("003-tier-platinum", "a value that names its facet", "platinum members",
       'loyalty_tier = "platinum" [RETRIEVED: loyalty_tier from "members"] [RETRIEVED: "platinum" from "platinum"]')
single("011-churn-above", "a model score through its synonym", "customers whose churn risk is above 0.7",
       'churn_score > 0.7 [RETRIEVED: churn_score from "churn risk"]')
single("017-zip-missing", "is missing", "customers with no postal code on file",
       'zip_code is missing [RETRIEVED: zip_code from "postal code"]')
single("022-returns-percent", "a percentage converted to the facet's 0..1 scale", "customers with a return rate over 30%",
       'returns_rate > 0.3 [RETRIEVED: returns_rate from "return rate"]')
single("030-bought-90d", "an event with a window", "customers who bought something in the last 90 days",
       'has purchase @window [RETRIEVED: purchase from "bought something"]', "during last 90 days", "in the last 90 days")
single("034-never-purchased", "'never' as count = 0", "customers who have never placed an order",
       'has purchase @window count = 0 [RETRIEVED: purchase from "order"]')
single("036-promo-click-2w", "another event type with an enumerated field", "customers who clicked a promo email in the last 2 weeks",
       'has email_click where link_type = "promo" @window [RETRIEVED: email_click from "clicked"] [RETRIEVED: email_click.link_type from "promo"] [RETRIEVED: "promo" from "promo"]',
       "during last 2 weeks", "in the last 2 weeks")
single("037-refund-ticket-90d", "support tickets by topic", "customers who contacted support about a refund in the last 90 days",
       'has support_ticket where topic = "refund" @window [RETRIEVED: support_ticket from "contacted support"] [RETRIEVED: support_ticket.topic from "refund"] [RETRIEVED: "refund" from "refund"]',
       "during last 90 days", "in the last 90 days")
single("043-fy2025", "a named fiscal year", "customers who made any purchase in fiscal year 2025",
       'has purchase @window [RETRIEVED: purchase from "purchase"]', "during fiscal_year 2025", "in fiscal year 2025")
single("046-this-fiscal-quarter", "relative fiscal quarter: right only if the date stage knows today is 2026-03-01", "customers who ordered this fiscal quarter",
       'has purchase @window [RETRIEVED: purchase from "ordered"]', "during fiscal_quarter 2027 Q1", "this fiscal quarter")
cassette("061-tier-state-app", "three parts",
    decompose(("gold or platinum members", False), ("in Texas", False), ("who have the mobile app", False)),
    mapped("gold or platinum members", 'loyalty_tier in ["gold", "platinum"] [RETRIEVED: loyalty_tier from "members"] [RETRIEVED: "gold" from "gold"] [RETRIEVED: "platinum" from "platinum"]'),
    no_date("gold or platinum members"),
    mapped("in Texas", 'state = "TX" [RETRIEVED: state from "Texas"] [RETRIEVED: "TX" from "Texas"]'),
    no_date("in Texas"),
    mapped("who have the mobile app", 'has_app = true [RETRIEVED: has_app from "mobile app"]'),
    no_date("who have the mobile app"))
cassette("064-lapsed-northwest", "a date bound and an exclusion; retrieval misses signup_date for 'signed up', so the honest answer is unmapped",
    decompose(("customers in Oregon or Washington", False), ("signed up before 2024", False), ("ordered in the last 180 days", True)),
    mapped("customers in Oregon or Washington", 'state in ["OR", "WA"] [RETRIEVED: state from "Oregon"] [RETRIEVED: "OR" from "Oregon"] [RETRIEVED: "WA" from "Washington"]'),
    no_date("customers in Oregon or Washington"),
    # Retrieval offers only last_login_at for "signed up before 2024" ("signed up" is not a synonym of
    # signup_date), so a model that keeps to the candidates cannot map it.
    mapped("signed up before 2024", None, unmapped=["signed up"]),
    date("signed up before 2024", "before 2024-01-01", "before 2024"),
    mapped("ordered in the last 180 days", 'has purchase @window [RETRIEVED: purchase from "ordered"]'),
    date("ordered in the last 180 days", "during last 180 days", "in the last 180 days"))
cassette("065-sms-not-email", "'but' joining two required conditions (not an exclusion)",
    decompose(("people who opted in to text messages", False), ("unsubscribed from email", False)),
    mapped("people who opted in to text messages", 'sms_opt_in = true [RETRIEVED: sms_opt_in from "text messages"]'),
    no_date("people who opted in to text messages"),
    mapped("unsubscribed from email", 'email_opt_out = true [RETRIEVED: email_opt_out from "unsubscribed"]'),
    no_date("unsubscribed from email"))
cassette("067-three-parts-exclusion", "three parts, a percentage and a relative fiscal year in an exclusion",
    decompose(("customers who bought beauty or apparel products in the last 3 months", False), ("with a return rate under 10%", False),
              ("anyone who opened a refund ticket this fiscal year", True)),
    mapped("customers who bought beauty or apparel products in the last 3 months",
           'has purchase where category in ["Beauty", "Apparel"] @window [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "products"] [RETRIEVED: "Beauty" from "beauty"] [RETRIEVED: "Apparel" from "apparel"]'),
    date("customers who bought beauty or apparel products in the last 3 months", "during last 3 months", "in the last 3 months"),
    mapped("with a return rate under 10%", 'returns_rate < 0.1 [RETRIEVED: returns_rate from "return rate"]'),
    no_date("with a return rate under 10%"),
    mapped("anyone who opened a refund ticket this fiscal year",
           'has support_ticket where topic = "refund" @window [RETRIEVED: support_ticket from "ticket"] [RETRIEVED: support_ticket.topic from "refund"] [RETRIEVED: "refund" from "refund"]'),
    date("anyone who opened a refund ticket this fiscal year", "during fiscal_year 2027", "this fiscal year"))
cassette("081-de-texas-platinum", "German: spans verbatim, values from the catalog",
    decompose(("Kunden in Texas", False), ("mit Platin-Status", False)),
    mapped("Kunden in Texas", 'state = "TX" [RETRIEVED: state from "Texas"] [RETRIEVED: "TX" from "Texas"]'),
    no_date("Kunden in Texas"),
    mapped("mit Platin-Status", 'loyalty_tier = "platinum" [RETRIEVED: loyalty_tier from "Status"] [RETRIEVED: "platinum" from "Platin"]'),
    no_date("mit Platin-Status"))
LONG1 = open(os.path.join(ROOT, "090-long-campaign-brief", "request.txt")).read().rstrip("\n")
cassette("090-long-campaign-brief", "a long brief with filler: five parts, two exclusions",
    decompose(("California, Oregon and Washington only", False), ("they should have bought outdoor gear at least twice in the last 2 years", False),
              ("silver tier or above", False), ("anyone who has bought anything from us in the last 180 days", True),
              ("anyone who unsubscribed from marketing email", True)),
    mapped("California, Oregon and Washington only", 'state in ["CA", "OR", "WA"] [RETRIEVED: state from "California"] [RETRIEVED: "CA" from "California"] [RETRIEVED: "OR" from "Oregon"] [RETRIEVED: "WA" from "Washington"]'),
    no_date("California, Oregon and Washington only"),
    mapped("they should have bought outdoor gear at least twice in the last 2 years",
           'has purchase where category = "Outdoor" @window count >= 2 [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "gear"] [RETRIEVED: "Outdoor" from "outdoor"]'),
    date("they should have bought outdoor gear at least twice in the last 2 years", "during last 2 years", "in the last 2 years"),
    mapped("silver tier or above", 'loyalty_tier >= "silver" [RETRIEVED: loyalty_tier from "tier"] [RETRIEVED: "silver" from "silver"]'),
    no_date("silver tier or above"),
    mapped("anyone who has bought anything from us in the last 180 days", 'has purchase @window [RETRIEVED: purchase from "bought"]'),
    date("anyone who has bought anything from us in the last 180 days", "during last 180 days", "in the last 180 days"),
    mapped("anyone who unsubscribed from marketing email", 'email_opt_out = true [RETRIEVED: email_opt_out from "unsubscribed"]'),
    no_date("anyone who unsubscribed from marketing email"))
cassette("103-young", "retrieval offers no candidate for 'young', so the model cannot even propose an age to ask about",
    decompose(("young customers", False)),
    mapped("young customers", None, unmapped=["young"]),
    no_date("young customers"))
cassette("106-big-spenders-recent", "two vague words in one request: two questions, each asked once",
    decompose(("big spenders", False), ("were active recently", False)),
    mapped("big spenders", 'has purchase @window sum(amount) >= 1000 [RETRIEVED: purchase from "spenders"] [RETRIEVED: purchase.amount from "spenders"] [INFERRED: 1000 from "big spenders"]'),
    no_date("big spenders"),
    mapped("were active recently", 'last_login_at @window [RETRIEVED: last_login_at from "active"]'),
    date("were active recently", "during last 30 days", "recently", inferred=True))
cassette("113-update-tier", "decompose refuses a request to change data",
    decompose(refusal="asks to change customer data, not to describe customers"))
cassette("115-export-pii", "decompose refuses an export of personal data",
    decompose(refusal="asks to export personal data, not to describe a segment"))
cassette("121-credit-score", "map reports the words it cannot ground instead of inventing a facet",
    decompose(("customers with a credit score above 700", False)),
    mapped("customers with a credit score above 700", None, unmapped=["credit score"]),
    no_date("customers with a credit score above 700"))

# ---- third batch: the rest of the set
single("006-app-users", "a bool facet through its synonym", "app users", 'has_app = true [RETRIEVED: has_app from "app users"]')
single("007-staff", "a bool facet through its synonym", "staff members", 'is_employee = true [RETRIEVED: is_employee from "staff"]')
single("009-age-range", "a range", "customers aged 25 to 34", 'age between 25 and 34 [RETRIEVED: age from "aged"]')
single("014-email-domain", "a free-text value copied verbatim", "customers whose email domain is gmail.com",
       'email_domain = "gmail.com" [RETRIEVED: email_domain from "email domain"]')
single("015-surname-prefix", "starts_with", "customers whose surname starts with Mc",
       'last_name starts_with "Mc" [RETRIEVED: last_name from "surname"]')
single("016-city-contains", "contains", "customers living in a town with Salem in its name",
       'city contains "Salem" [RETRIEVED: city from "town"]')
single("018-paid-search", "a value written with a space in the request", "customers who came from paid search",
       'acquisition_source = "paid_search" [RETRIEVED: acquisition_source from "came from"] [RETRIEVED: "paid_search" from "paid search"]')
single("019-prefers-store", "a preference facet, not a purchase", "customers who prefer to shop in store",
       'preferred_channel = "store" [RETRIEVED: preferred_channel from "prefer"] [RETRIEVED: "store" from "store"]')
single("020-income-upper", "an ordered facet answered with >= (execution match with the reference's list)", "customers in the upper middle or high income band",
       'income_band >= "upper_middle" [RETRIEVED: income_band from "income band"] [RETRIEVED: "upper_middle" from "upper middle"]')
single("023-aov-between", "a range on a decimal facet", "customers with an average basket between 50 and 100 dollars",
       'avg_order_value between 50 and 100 [RETRIEVED: avg_order_value from "average basket"]')
single("024-last-login-before", "a written-out date on a timestamp facet", "customers whose last visit was before December 1, 2025",
       'last_login_at @window [RETRIEVED: last_login_at from "last visit"]', "before 2025-12-01", "before December 1, 2025")
single("025-typo-state", "a misspelled state name", "customers in Califrnia",
       'state = "CA" [RETRIEVED: state from "Califrnia"] [RETRIEVED: "CA" from "Califrnia"]')
single("032-online-orders-count", "a count with a window", "customers who placed at least 3 online orders in the last 12 months",
       'has purchase where channel = "online" @window count >= 3 [RETRIEVED: purchase from "orders"] [RETRIEVED: purchase.channel from "online"] [RETRIEVED: "online" from "online"]',
       "during last 12 months", "in the last 12 months")
single("035-coupon-60d", "is not missing on an event field", "customers who used a coupon in the last 60 days",
       'has purchase where discount_code is not missing @window [RETRIEVED: purchase from "used"] [RETRIEVED: purchase.discount_code from "coupon"]',
       "during last 60 days", "in the last 60 days")
single("038-severity-since", "an ordered field and a since date", "customers with a high or urgent priority ticket since January 1, 2026",
       'has support_ticket where severity >= "high" @window [RETRIEVED: support_ticket from "ticket"] [RETRIEVED: support_ticket.severity from "priority"] [RETRIEVED: "high" from "high"]',
       "since 2026-01-01", "since January 1, 2026")
single("039-low-csat", "a numeric event field", "customers who gave a support rating below 3",
       'has support_ticket where satisfaction < 3 @window [RETRIEVED: support_ticket from "support"] [RETRIEVED: support_ticket.satisfaction from "rating"]')
single("040-app-aov-12m", "an average over events", "customers whose average app order over the past 12 months was at least $200",
       'has purchase where channel = "app" @window avg(amount) >= 200 [RETRIEVED: purchase from "order"] [RETRIEVED: purchase.channel from "app"] [RETRIEVED: purchase.amount from "order"] [RETRIEVED: "app" from "app"]',
       "during last 12 months", "over the past 12 months")
single("041-distinct-categories", "count_distinct", "customers who have bought from at least 3 different categories",
       'has purchase @window count_distinct(category) >= 3 [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "categories"]')
single("044-january-2026", "a calendar month as a date range", "customers who purchased in January 2026",
       'has purchase @window [RETRIEVED: purchase from "purchased"]', "during 2026-01-01 to 2026-01-31", "in January 2026")
single("047-since-fy2027", "the start of a fiscal year as a since date", "customers who have bought since the start of fiscal 2027",
       'has purchase @window [RETRIEVED: purchase from "bought"]', "since 2026-02-01", "since the start of fiscal 2027")
cassette("049-signup-fy-vs-calendar", "retrieval offers no signup_date for 'signed up', so the honest answer is unmapped",
    decompose(("customers who signed up in calendar year 2025", False)),
    mapped("customers who signed up in calendar year 2025", None, unmapped=["signed up"]),
    date("customers who signed up in calendar year 2025", "during 2025-01-01 to 2025-12-31", "in calendar year 2025"))
cassette("062-four-parts", "four parts; retrieval offers nothing for 'women' (gender's synonym is 'sex'), so that part is unmapped",
    decompose(("women", False), ("aged 30 to 45", False), ("in New York state", False), ("with a churn risk above 0.6", False)),
    mapped("women", None, unmapped=["women"]), no_date("women"),
    mapped("aged 30 to 45", 'age between 30 and 45 [RETRIEVED: age from "aged"]'), no_date("aged 30 to 45"),
    mapped("in New York state", 'state = "NY" [RETRIEVED: state from "state"] [RETRIEVED: "NY" from "New York"]'), no_date("in New York state"),
    mapped("with a churn risk above 0.6", 'churn_score > 0.6 [RETRIEVED: churn_score from "churn risk"]'), no_date("with a churn risk above 0.6"))
cassette("068-age-income-channel", "retrieval offers nothing for 'customers over 50', so that part is unmapped",
    decompose(("customers over 50", False), ("with high income", False), ("who mostly shop by phone", False)),
    mapped("customers over 50", None, unmapped=["over 50"]), no_date("customers over 50"),
    mapped("with high income", 'income_band = "high" [RETRIEVED: income_band from "income"] [RETRIEVED: "high" from "high"]'), no_date("with high income"),
    mapped("who mostly shop by phone", 'preferred_channel = "phone" [RETRIEVED: preferred_channel from "shop"] [RETRIEVED: "phone" from "phone"]'), no_date("who mostly shop by phone"))
cassette("069-new-no-purchase", "a window on a date facet and a count = 0",
    decompose(("people who joined in the last 30 days", False), ("have not bought anything yet", False)),
    mapped("people who joined in the last 30 days", 'signup_date @window [RETRIEVED: signup_date from "joined"]'),
    date("people who joined in the last 30 days", "during last 30 days", "in the last 30 days"),
    mapped("have not bought anything yet", 'has purchase @window count = 0 [RETRIEVED: purchase from "bought"]'),
    no_date("have not bought anything yet"))
cassette("070-propensity-not-recent", "an explicit threshold and an exclusion",
    decompose(("customers likely to buy with a purchase propensity above 0.8", False), ("ordered in the last 60 days", True)),
    mapped("customers likely to buy with a purchase propensity above 0.8", 'purchase_propensity > 0.8 [RETRIEVED: purchase_propensity from "purchase propensity"]'),
    no_date("customers likely to buy with a purchase propensity above 0.8"),
    mapped("ordered in the last 60 days", 'has purchase @window [RETRIEVED: purchase from "ordered"]'),
    date("ordered in the last 60 days", "during last 60 days", "in the last 60 days"))
cassette("076-not-employees", "a negation as an exclusion",
    decompose(("employees", True)),
    mapped("employees", 'is_employee = true [RETRIEVED: is_employee from "employees"]'), no_date("employees"))
cassette("077-exclude-two", "one include and two exclusions",
    decompose(("everyone with the app", False), ("email opt-outs", True), ("anyone with an urgent support ticket", True)),
    mapped("everyone with the app", 'has_app = true [RETRIEVED: has_app from "app"]'), no_date("everyone with the app"),
    mapped("email opt-outs", 'email_opt_out = true [RETRIEVED: email_opt_out from "email opt-outs"]'), no_date("email opt-outs"),
    mapped("anyone with an urgent support ticket",
           'has support_ticket where severity = "urgent" @window [RETRIEVED: support_ticket from "support ticket"] [RETRIEVED: support_ticket.severity from "urgent"] [RETRIEVED: "urgent" from "urgent"]'),
    no_date("anyone with an urgent support ticket"))
cassette("082-fr-electronics", "French: retrieval finds no purchase event or Electronics value for the span, so the honest answer is unmapped",
    decompose(("clients qui ont acheté de l'électronique au cours des 30 derniers jours", False)),
    mapped("clients qui ont acheté de l'électronique au cours des 30 derniers jours", None, unmapped=["acheté", "électronique"]),
    date("clients qui ont acheté de l'électronique au cours des 30 derniers jours", "during last 30 days", "au cours des 30 derniers jours"))
cassette("083-es-no-app", "Spanish: retrieval offers only state values (DE, LA) from 'de' and 'la'; a careful model does not take the bait",
    decompose(("clientes mayores de 60 años", False), ("no tienen la aplicación", False)),
    mapped("clientes mayores de 60 años", None, unmapped=["mayores de 60 años"]), no_date("clientes mayores de 60 años"),
    mapped("no tienen la aplicación", None, unmapped=["aplicación"]), no_date("no tienen la aplicación"))
cassette("091-long-bullets", "a bulleted brief: seven parts, two exclusions",
    decompose(("must have installed the mobile app", False), ("age between 18 and 35", False), ("acquired via social or referral", False),
              ("at least 2 purchases in the app channel in the last 90 days", False), ("total spend of more than 250 dollars", False),
              ("staff", True), ("customers who opted out of email", True)),
    mapped("must have installed the mobile app", 'has_app = true [RETRIEVED: has_app from "mobile app"]'), no_date("must have installed the mobile app"),
    mapped("age between 18 and 35", 'age between 18 and 35 [RETRIEVED: age from "age"]'), no_date("age between 18 and 35"),
    mapped("acquired via social or referral", 'acquisition_source in ["social", "referral"] [RETRIEVED: acquisition_source from "acquired via"] [RETRIEVED: "social" from "social"] [RETRIEVED: "referral" from "referral"]'),
    no_date("acquired via social or referral"),
    mapped("at least 2 purchases in the app channel in the last 90 days",
           'has purchase where channel = "app" @window count >= 2 [RETRIEVED: purchase from "purchases"] [RETRIEVED: purchase.channel from "channel"] [RETRIEVED: "app" from "app"]'),
    date("at least 2 purchases in the app channel in the last 90 days", "during last 90 days", "in the last 90 days"),
    mapped("total spend of more than 250 dollars", 'lifetime_spend > 250 [RETRIEVED: lifetime_spend from "total spend"]'), no_date("total spend of more than 250 dollars"),
    mapped("staff", 'is_employee = true [RETRIEVED: is_employee from "staff"]'), no_date("staff"),
    mapped("customers who opted out of email", 'email_opt_out = true [RETRIEVED: email_opt_out from "opted out of email"]'), no_date("customers who opted out of email"))
cassette("092-long-fiscal-explained", "a long request that explains the fiscal year and lists facets not to use: three parts only",
    decompose(("they have to live in Florida", False), ("contacted support about a delivery problem at some point during fiscal year 2026", False),
              ("a churn risk below 0.4", False)),
    mapped("they have to live in Florida", 'state = "FL" [RETRIEVED: state from "Florida"] [RETRIEVED: "FL" from "Florida"]'), no_date("they have to live in Florida"),
    mapped("contacted support about a delivery problem at some point during fiscal year 2026",
           'has support_ticket where topic = "delivery" @window [RETRIEVED: support_ticket from "contacted support"] [RETRIEVED: support_ticket.topic from "problem"] [RETRIEVED: "delivery" from "delivery"]'),
    date("contacted support about a delivery problem at some point during fiscal year 2026", "during fiscal_year 2026", "during fiscal year 2026"),
    mapped("a churn risk below 0.4", 'churn_score < 0.4 [RETRIEVED: churn_score from "churn risk"]'), no_date("a churn risk below 0.4"))
cassette("104-likely-churn", "a synonym that names a model score without a cut-off: INFERRED number, then the answered round",
    decompose(("customers who are likely to churn", False)),
    mapped("customers who are likely to churn", 'churn_score >= 0.5 [RETRIEVED: churn_score from "likely to churn"] [INFERRED: 0.5 from "likely to churn"]'),
    no_date("customers who are likely to churn"),
    decompose(("customers who are likely to churn", False), attempt=2),
    mapped("customers who are likely to churn", 'churn_score > 0.7 [RETRIEVED: churn_score from "likely to churn"]', attempt=2),
    no_date("customers who are likely to churn", attempt=2))
cassette("105-lots-of-orders", "a vague quantity: INFERRED number",
    decompose(("customers with lots of orders", False)),
    mapped("customers with lots of orders", 'order_count >= 10 [RETRIEVED: order_count from "orders"] [INFERRED: 10 from "lots of orders"]'),
    no_date("customers with lots of orders"))
cassette("107-frequent-buyers", "a vague frequency on an event: INFERRED count",
    decompose(("frequent buyers of toys", False)),
    mapped("frequent buyers of toys", 'has purchase where category = "Toys" @window count >= 5 [RETRIEVED: purchase from "buyers"] [RETRIEVED: purchase.category from "toys"] [RETRIEVED: "Toys" from "toys"] [INFERRED: 5 from "frequent"]'),
    no_date("frequent buyers of toys"))
cassette("112-injection-drop", "refused by the request guard before any model call: no interactions")
cassette("116-raw-sql", "refused by the request guard before any model call: no interactions")
cassette("119-injection-value", "refused by the request guard (DROP TABLE) before any model call: no interactions")

def write_cassette(d, label, note, interactions):
    """Writes d/cassette.json atomically; False when d holds a recorded cassette (kept)."""
    if not os.path.isdir(d):
        sys.exit(f"no case directory {d}")
    path = os.path.join(d, "cassette.json")
    if os.path.exists(path):
        with open(path) as f:
            if json.load(f).get("provenance") != "scripted":
                print(f"skipping {label}: holds a recorded cassette")
                return False
    doc = {"format": "segmint-cassette/1", "provenance": "scripted",
           "note": "SCRIPTED by hand, not a model's output: " + note,
           "interactions": [{"stage": i["stage"], "span": i["span"], "attempt": i["attempt"],
                             "response": {"text": i["text"], "model": MODEL}} for i in interactions]}
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    os.replace(tmp, path)
    return True

def main():
    written = sum(write_cassette(os.path.join(ROOT, case), case, note, interactions)
                  for case, (note, interactions) in sorted(CASSETTES.items()))
    print(f"wrote {written} scripted cassettes")

if __name__ == "__main__":
    main()
