#!/usr/bin/env python3
"""Writes the SCRIPTED cassettes of the held-out sets golden/nl-bank, golden/nl-game and
golden/nl-iot: LLM stage responses written by hand in the pipeline's protocol
(prompts/decompose|map|date.prompt), as a competent model following those prompts would answer
with each catalog's names in mind, not outputs of any model. Vague words get an INFERRED cut-off
or window (so the pipeline asks), refusals refuse, things the catalog does not hold are unmapped.

The stage-answer functions and the file format are those of golden/nl/tools/scripted_cassettes.py.
Run from the repository root:  python3 golden/tools/heldout_cassettes.py [bank|game|iot ...]
It overwrites only cassettes whose provenance is "scripted" (never a recorded one).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "nl", "tools"))
from scripted_cassettes import decompose, mapped, date, no_date, write_cassette  # noqa: E402

SETS = {}

def cassette(set_name, case, note, *interactions):
    SETS.setdefault(set_name, {})[case] = (note, interactions)

def single(set_name, case, note, span, condition, window=None, frm=None):
    ints = [decompose((span, False)), mapped(span, condition)]
    ints.append(date(span, window, frm) if window else no_date(span))
    cassette(set_name, case, note, *ints)

def parts(set_name, case, note, *items):
    """items: (span, exclude, condition, window, from); window None means no time in the part."""
    ints = [decompose(*[(s, e) for s, e, _c, _w, _f in items])]
    for s, _e, c, w, f in items:
        ints.append(mapped(s, c))
        ints.append(date(s, w, f) if w else no_date(s))
    cassette(set_name, case, note, *ints)

def vague(set_name, case, note, span, condition, window=None, frm=None):
    """One part whose cut-off or window the model has to invent: INFERRED, so the pipeline asks."""
    ints = [decompose((span, False)), mapped(span, condition)]
    ints.append(date(span, window, frm, inferred=True) if window else no_date(span))
    cassette(set_name, case, note, *ints)

def unmapped(set_name, case, note, span, words):
    cassette(set_name, case, note, decompose((span, False)), mapped(span, None, unmapped=words), no_date(span))

def refuse(set_name, case, note, reason):
    cassette(set_name, case, note, decompose(refusal=reason))

def R(name, words):
    return f'[RETRIEVED: {name} from "{words}"]'

def V(value, words):
    return f'[RETRIEVED: "{value}" from "{words}"]'

def I(value, words):
    return f'[INFERRED: {value} from "{words}"]'

# ======================================================================== bank
B = "bank"
single(B, "001-clients-in-ireland", "a country name mapped to its ISO code", "clients in Ireland",
       f'country = "IE" {R("country", "Ireland")} {V("IE", "Ireland")}')
single(B, "002-clients-in-germany-or-the", "two countries as a list", "clients in Germany or the Netherlands",
       f'country in ["DE", "NL"] {R("country", "Germany")} {V("DE", "Germany")} {V("NL", "Netherlands")}')
single(B, "003-premier-clients", "a value that names its facet", "premier clients",
       f'banking_tier = "premier" {R("banking_tier", "premier")} {V("premier", "premier")}')
single(B, "004-clients-on-the-private-tier", "a value and the facet's synonym", "clients on the private tier",
       f'banking_tier = "private" {R("banking_tier", "tier")} {V("private", "private")}')
single(B, "005-clients-with-at-least-the", "ordered facet: 'at least' as >=", "clients with at least the plus tier",
       f'banking_tier >= "plus" {R("banking_tier", "tier")} {V("plus", "plus")}')
single(B, "006-retired-clients", "an enumerated value", "retired clients",
       f'employment_status = "retired" {R("employment_status", "retired")} {V("retired", "retired")}')
single(B, "007-self-employed-clients", "a value written with a hyphen", "self-employed clients",
       f'employment_status = "self_employed" {R("employment_status", "self-employed")} {V("self_employed", "self-employed")}')
single(B, "008-clients-with-a-mortgage", "a bool facet", "clients with a mortgage",
       f'has_mortgage = true {R("has_mortgage", "mortgage")}')
single(B, "009-clients-without-a-credit-card", "'without' on a never-missing bool is = false", "clients without a credit card",
       f'has_credit_card = false {R("has_credit_card", "credit card")}')
single(B, "010-clients-with-a-joint-account", "a bool facet", "clients with a joint account",
       f'is_joint_account = true {R("is_joint_account", "joint account")}')
single(B, "011-clients-on-paperless-statements", "a bool facet by its name", "clients on paperless statements",
       f'paperless = true {R("paperless", "paperless")}')
single(B, "012-clients-who-gave-marketing-consent", "a bool facet", "clients who gave marketing consent",
       f'marketing_consent = true {R("marketing_consent", "marketing consent")}')
single(B, "013-clients-over-60", "'over' as >, on age", "clients over 60",
       f'age > 60 {R("age", "over 60")}')
single(B, "014-clients-aged-between-25-and", "an inclusive range", "clients aged between 25 and 35",
       f'age between 25 and 35 {R("age", "aged")}')
single(B, "015-clients-with-a-credit-score", "'below' as <", "clients with a credit score below 600",
       f'credit_score < 600 {R("credit_score", "credit score")}')
single(B, "016-clients-with-a-balance-of", "a synonym and 'more than'", "clients with a balance of more than 50000",
       f'total_balance > 50000 {R("total_balance", "balance")}')
single(B, "017-clients-with-a-monthly-income", "'at least' as >=", "clients with a monthly income of at least 4000",
       f'monthly_income >= 4000 {R("monthly_income", "monthly income")}')
single(B, "018-clients-holding-3-or-more", "'3 or more' as >=", "clients holding 3 or more products",
       f'product_count >= 3 {R("product_count", "products")}')
single(B, "019-clients-whose-kyc-status-is", "an enumerated value, acronym in capitals", "clients whose KYC status is pending",
       f'kyc_status = "pending" {R("kyc_status", "KYC status")} {V("pending", "pending")}')
single(B, "020-clients-with-a-high-risk", "an ordered value by equality", "clients with a high risk rating",
       f'risk_rating = "high" {R("risk_rating", "risk rating")} {V("high", "high")}')
single(B, "021-clients-with-a-risk-rating", "'or higher' as >=", "clients with a risk rating of medium or higher",
       f'risk_rating >= "medium" {R("risk_rating", "risk rating")} {V("medium", "medium")}')
single(B, "022-clients-onboarded-in-the-last", "a window on a date facet", "clients onboarded in the last 90 days",
       f'onboarded_on @window {R("onboarded_on", "onboarded")}', "during last 90 days", "in the last 90 days")
cassette(B, "023-clients-who-have-not-logged", "'not ... in the last N days' as an exclusion",
    decompose(("logged in during the last 60 days", True)),
    mapped("logged in during the last 60 days", f'last_login_at @window {R("last_login_at", "logged in")}'),
    date("logged in during the last 60 days", "during last 60 days", "during the last 60 days"))
single(B, "024-clients-who-made-a-card", "an event by its synonym with a window", "clients who made a card payment in the last 30 days",
       f'has card_transaction @window {R("card_transaction", "card payment")}', "during last 30 days", "in the last 30 days")
single(B, "025-clients-who-spent-on-travel", "an event field value and a window", "clients who spent on travel by card in the last 6 months",
       f'has card_transaction where merchant_category = "travel" @window {R("card_transaction", "spent")} {R("card_transaction.merchant_category", "travel")} {V("travel", "travel")}',
       "during last 6 months", "in the last 6 months")
single(B, "026-clients-with-10-or-more", "a count over a window", "clients with 10 or more card transactions in the last 30 days",
       f'has card_transaction @window count >= 10 {R("card_transaction", "card transactions")}', "during last 30 days", "in the last 30 days")
single(B, "027-clients-whose-card-transactions-add", "a sum over a window", "clients whose card transactions add up to more than 2000 in the last 90 days",
       f'has card_transaction @window sum(amount) > 2000 {R("card_transaction", "card transactions")} {R("card_transaction.amount", "add up")}',
       "during last 90 days", "in the last 90 days")
single(B, "028-clients-with-an-international-card", "a bool event field and a window", "clients with an international card transaction in the last 12 months",
       f'has card_transaction where is_international = true @window {R("card_transaction", "card transaction")} {R("card_transaction.is_international", "international")}',
       "during last 12 months", "in the last 12 months")
single(B, "029-clients-who-visited-a-branch", "an event with a window", "clients who visited a branch in the last 3 months",
       f'has branch_visit @window {R("branch_visit", "visited a branch")}', "during last 3 months", "in the last 3 months")
single(B, "030-clients-who-visited-a-branch", "an event field value, no window", "clients who visited a branch for advice",
       f'has branch_visit where purpose = "advice" @window {R("branch_visit", "visited a branch")} {R("branch_visit.purpose", "advice")} {V("advice", "advice")}')
single(B, "031-clients-who-complained-about-fees", "an event field value", "clients who complained about fees",
       f'has complaint where topic = "fees" @window {R("complaint", "complained")} {R("complaint.topic", "fees")} {V("fees", "fees")}')
single(B, "032-clients-with-an-unresolved-complaint", "a bool event field = false", "clients with an unresolved complaint",
       f'has complaint where resolved = false @window {R("complaint", "complaint")} {R("complaint.resolved", "unresolved")}')
parts(B, "033-premier-clients-in-spain-who", "three parts",
    ("premier clients", False, f'banking_tier = "premier" {R("banking_tier", "premier")} {V("premier", "premier")}', None, None),
    ("in Spain", False, f'country = "ES" {R("country", "Spain")} {V("ES", "Spain")}', None, None),
    ("who have a mortgage", False, f'has_mortgage = true {R("has_mortgage", "mortgage")}', None, None))
parts(B, "034-students-under-25-who-gave", "three parts: a value, an age bound, a bool",
    ("students", False, f'employment_status = "student" {R("employment_status", "students")} {V("student", "students")}', None, None),
    ("under 25", False, f'age < 25 {R("age", "under 25")}', None, None),
    ("who gave marketing consent", False, f'marketing_consent = true {R("marketing_consent", "marketing consent")}', None, None))
single(B, "035-clients-with-a-mortgage-propensity", "a model score with an explicit threshold", "clients with a mortgage propensity above 0.6",
       f'mortgage_propensity > 0.6 {R("mortgage_propensity", "mortgage propensity")}')
parts(B, "036-clients-with-an-attrition-score", "a model score and an exclusion",
    ("clients with an attrition score of at least 0.7", False, f'attrition_score >= 0.7 {R("attrition_score", "attrition score")}', None, None),
    ("private clients", True, f'banking_tier = "private" {R("banking_tier", "private")} {V("private", "private")}', None, None))
parts(B, "037-clients-in-france-except-the", "'except' as an exclusion",
    ("clients in France", False, f'country = "FR" {R("country", "France")} {V("FR", "France")}', None, None),
    ("the unemployed", True, f'employment_status = "unemployed" {R("employment_status", "unemployed")} {V("unemployed", "unemployed")}', None, None))
single(B, "038-clients-with-no-city-on", "is missing", "clients with no city on file",
       f'city is missing {R("city", "city")}')
single(B, "039-clients-who-paid-by-debit", "one event, two field values", "clients who paid by debit card for dining",
       f'has card_transaction where card_type = "debit" and merchant_category = "dining" @window {R("card_transaction", "paid")} {R("card_transaction.card_type", "debit card")} {R("card_transaction.merchant_category", "dining")} {V("debit", "debit")} {V("dining", "dining")}')
vague(B, "040-wealthy-clients", "a vague word: the model invents a balance cut-off (INFERRED), the pipeline asks", "wealthy clients",
      f'total_balance >= 100000 {R("total_balance", "wealthy")} {I(100000, "wealthy")}')
vague(B, "041-clients-likely-to-leave", "a model score fits, the cut-off is the requester's: INFERRED", "clients likely to leave",
      f'attrition_score >= 0.5 {R("attrition_score", "likely to leave")} {I(0.5, "likely to leave")}')
vague(B, "042-clients-who-logged-in-recently", "a vague time word: the date stage guesses with inferred=true", "clients who logged in recently",
      f'last_login_at @window {R("last_login_at", "logged in")}', "during last 30 days", "recently")
vague(B, "043-heavy-card-users", "a vague frequency: INFERRED count", "heavy card users",
      f'has card_transaction @window count >= 20 {R("card_transaction", "card")} {I(20, "heavy")}')
vague(B, "044-clients-with-a-big-overdraft", "a vague size: INFERRED overdraft limit", "clients with a big overdraft",
      f'overdraft_limit >= 1000 {R("overdraft_limit", "overdraft")} {I(1000, "big overdraft")}')
refuse(B, "045-close-the-accounts-of-all", "decompose refuses an action on the clients' accounts",
       "asks to close accounts, an action on data, not a description of clients")
refuse(B, "046-what-will-the-weather-be", "decompose refuses an out-of-scope question",
       "a weather question, not a description of clients")
unmapped(B, "047-clients-with-a-pet-insurance", "map says nothing in the catalog fits", "clients with a pet insurance policy",
         ["pet insurance"])
unmapped(B, "048-clients-whose-favourite-football-team", "map says nothing in the catalog fits",
         "clients whose favourite football team is Arsenal", ["favourite football team", "Arsenal"])

# ======================================================================== game
G = "game"
single(G, "001-players-on-ios", "a platform value", "players on iOS",
       f'platform = "ios" {R("platform", "iOS")} {V("ios", "iOS")}')
parts(G, "002-android-players-in-brazil", "two parts: a platform and a country name",
    ("Android players", False, f'platform = "android" {R("platform", "Android")} {V("android", "Android")}', None, None),
    ("in Brazil", False, f'country = "BR" {R("country", "Brazil")} {V("BR", "Brazil")}', None, None))
single(G, "003-players-in-japan-or-korea", "two countries as a list", "players in Japan or Korea",
       f'country in ["JP", "KR"] {R("country", "Japan")} {V("JP", "Japan")} {V("KR", "Korea")}')
single(G, "004-gold-vip-players", "an ordered value by its synonym", "gold VIP players",
       f'vip_level = "gold" {R("vip_level", "VIP")} {V("gold", "gold")}')
single(G, "005-players-at-silver-vip-level", "'or above' as >=", "players at silver VIP level or above",
       f'vip_level >= "silver" {R("vip_level", "VIP level")} {V("silver", "silver")}')
single(G, "006-players-above-level-50", "'above' as >", "players above level 50",
       f'player_level > 50 {R("player_level", "level")}')
single(G, "007-players-between-level-10-and", "an inclusive range", "players between level 10 and 20",
       f'player_level between 10 and 20 {R("player_level", "level")}')
single(G, "008-players-who-installed-in-the", "a window on a date facet by its synonym", "players who installed in the last 7 days",
       f'install_date @window {R("install_date", "installed")}', "during last 7 days", "in the last 7 days")
parts(G, "009-android-players-who-installed-in", "two parts, one with a window",
    ("Android players", False, f'platform = "android" {R("platform", "Android")} {V("android", "Android")}', None, None),
    ("who installed in the last 30 days", False, f'install_date @window {R("install_date", "installed")}', "during last 30 days", "in the last 30 days"))
cassette(G, "010-players-who-have-not-played", "'not ... in the last N days' as an exclusion on the last session",
    decompose(("played in the last 14 days", True)),
    mapped("played in the last 14 days", f'last_session_at @window {R("last_session_at", "played")}'),
    date("played in the last 14 days", "during last 14 days", "in the last 14 days"))
single(G, "011-players-whose-last-session-was", "a window on a timestamp facet", "players whose last session was in the last 3 days",
       f'last_session_at @window {R("last_session_at", "last session")}', "during last 3 days", "in the last 3 days")
single(G, "012-paying-players", "a bool facet by its synonym", "paying players",
       f'is_payer = true {R("is_payer", "paying players")}')
single(G, "013-non-paying-players", "a never-missing bool = false", "non-paying players",
       f'is_payer = false {R("is_payer", "paying players")}')
single(G, "014-players-in-a-guild", "a bool facet", "players in a guild",
       f'in_guild = true {R("in_guild", "guild")}')
single(G, "015-players-with-push-notifications-turned", "a bool facet = false", "players with push notifications turned off",
       f'push_enabled = false {R("push_enabled", "push notifications")}')
single(G, "016-players-who-spent-more-than", "total spend with 'more than'", "players who spent more than 100 dollars in total",
       f'total_spend > 100 {R("total_spend", "spent")}')
single(G, "017-players-with-at-least-5000", "'at least' as >=", "players with at least 5000 coins",
       f'coin_balance >= 5000 {R("coin_balance", "coins")}')
single(G, "018-players-with-10-or-more", "a facet that carries its own window in its name (no @window); the date stage still reads the part's time words",
       "players with 10 or more sessions in the last 7 days",
       f'sessions_last_7_days >= 10 {R("sessions_last_7_days", "sessions in the last 7 days")}', "during last 7 days", "in the last 7 days")
single(G, "019-players-with-no-friends-in", "'no friends' as = 0", "players with no friends in game",
       f'friends_count = 0 {R("friends_count", "friends")}')
single(G, "020-players-acquired-through-influencers", "an enumerated value in the plural", "players acquired through influencers",
       f'acquisition_channel = "influencer" {R("acquisition_channel", "acquired through")} {V("influencer", "influencers")}')
single(G, "021-players-who-came-from-paid", "a value written with a space", "players who came from paid social",
       f'acquisition_channel = "paid_social" {R("acquisition_channel", "came from")} {V("paid_social", "paid social")}')
single(G, "022-players-who-bought-a-battle", "an event field value, no window", "players who bought a battle pass",
       f'has iap where item_type = "battle_pass" @window {R("iap", "bought")} {R("iap.item_type", "battle pass")} {V("battle_pass", "battle pass")}')
single(G, "023-players-who-made-an-in", "an event by its synonym with a window", "players who made an in-app purchase in the last 30 days",
       f'has iap @window {R("iap", "in-app purchase")}', "during last 30 days", "in the last 30 days")
single(G, "024-players-who-made-3-or", "a count over a window", "players who made 3 or more purchases in the last 90 days",
       f'has iap @window count >= 3 {R("iap", "purchases")}', "during last 90 days", "in the last 90 days")
single(G, "025-players-who-spent-over-50", "a sum over a window", "players who spent over 50 dollars on in-app purchases in the last 30 days",
       f'has iap @window sum(price) > 50 {R("iap", "in-app purchases")} {R("iap.price", "spent")}', "during last 30 days", "in the last 30 days")
single(G, "026-players-who-bought-gems-for", "two conditions on one event", "players who bought gems for more than 20 dollars",
       f'has iap where item_type = "gems" and price > 20 @window {R("iap", "bought")} {R("iap.item_type", "gems")} {R("iap.price", "dollars")} {V("gems", "gems")}')
single(G, "027-players-who-made-their-first", "a bool event field and a window", "players who made their first purchase in the last 7 days",
       f'has iap where is_first_purchase = true @window {R("iap", "purchase")} {R("iap.is_first_purchase", "first purchase")}', "during last 7 days", "in the last 7 days")
single(G, "028-players-who-played-a-ranked", "an event field value and a window", "players who played a ranked match in the last 7 days",
       f'has match where mode = "ranked" @window {R("match", "match")} {R("match.mode", "ranked")} {V("ranked", "ranked")}', "during last 7 days", "in the last 7 days")
single(G, "029-players-who-won-a-tournament", "two field values: 'won' is result = win", "players who won a tournament match",
       f'has match where mode = "tournament" and result = "win" @window {R("match", "match")} {R("match.mode", "tournament")} {R("match.result", "won")} {V("tournament", "tournament")} {V("win", "won")}')
single(G, "030-players-with-at-least-20", "a count over a window", "players with at least 20 matches in the last 30 days",
       f'has match @window count >= 20 {R("match", "matches")}', "during last 30 days", "in the last 30 days")
single(G, "031-players-who-completed-level-10", "a numeric event field", "players who completed level 10",
       f'has level_complete where level = 10 @window {R("level_complete", "completed level")} {R("level_complete.level", "level")}')
single(G, "032-players-who-completed-a-level", "a numeric event field and a window", "players who completed a level with 3 stars in the last 14 days",
       f'has level_complete where stars = 3 @window {R("level_complete", "completed a level")} {R("level_complete.stars", "stars")}', "during last 14 days", "in the last 14 days")
single(G, "033-players-with-a-churn-probability", "a model score with an explicit threshold", "players with a churn probability above 0.8",
       f'churn_probability > 0.8 {R("churn_probability", "churn probability")}')
parts(G, "034-ios-players-with-a-payer", "three parts; 'not payers yet' is a required = false",
    ("iOS players", False, f'platform = "ios" {R("platform", "iOS")} {V("ios", "iOS")}', None, None),
    ("with a payer propensity of at least 0.5", False, f'payer_propensity >= 0.5 {R("payer_propensity", "payer propensity")}', None, None),
    ("who are not payers yet", False, f'is_payer = false {R("is_payer", "payers")}', None, None))
parts(G, "035-players-in-the-us-or", "a country list and an exclusion",
    ("players in the US or Canada", False, f'country in ["US", "CA"] {R("country", "US")} {V("US", "US")} {V("CA", "Canada")}', None, None),
    ("diamond VIPs", True, f'vip_level = "diamond" {R("vip_level", "VIPs")} {V("diamond", "diamond")}', None, None))
parts(G, "036-guild-members-but-not-those", "'but not' as an exclusion",
    ("guild members", False, f'in_guild = true {R("in_guild", "guild members")}', None, None),
    ("those on Android", True, f'platform = "android" {R("platform", "Android")} {V("android", "Android")}', None, None))
single(G, "037-players-with-no-country", "is missing", "players with no country",
       f'country is missing {R("country", "country")}')
cassette(G, "038-players-who-have-never-made", "'never' as an exclusion of the event at any time",
    decompose(("made an in-app purchase", True)),
    mapped("made an in-app purchase", f'has iap @window {R("iap", "in-app purchase")}'),
    no_date("made an in-app purchase"))
vague(G, "039-whales", "slang for big spenders: the model invents a spend cut-off (INFERRED)", "whales",
      f'total_spend >= 500 {R("total_spend", "whales")} {I(500, "whales")}')
vague(G, "040-highly-engaged-players", "a vague level of activity: INFERRED session count", "highly engaged players",
      f'sessions_last_7_days >= 10 {R("sessions_last_7_days", "engaged")} {I(10, "highly engaged")}')
vague(G, "041-players-likely-to-churn", "a model score fits, the cut-off is the requester's: INFERRED", "players likely to churn",
      f'churn_probability >= 0.5 {R("churn_probability", "likely to churn")} {I(0.5, "likely to churn")}')
vague(G, "042-players-who-played-recently", "a vague time word: the date stage guesses with inferred=true", "players who played recently",
      f'last_session_at @window {R("last_session_at", "played")}', "during last 7 days", "recently")
vague(G, "043-high-level-players", "a vague level: INFERRED cut-off", "high-level players",
      f'player_level >= 50 {R("player_level", "level")} {I(50, "high-level")}')
refuse(G, "044-give-every-player-1000-free", "decompose refuses a change to player data",
       "asks to give players coins, a change to data, not a description of players")
refuse(G, "045-write-me-a-poem-about", "decompose refuses creative writing",
       "asks for a poem, not a description of players")
unmapped(G, "046-players-whose-favourite-hero-is", "map says nothing in the catalog fits",
         "players whose favourite hero is the wizard", ["favourite hero", "wizard"])
unmapped(G, "047-players-who-use-a-gamepad", "map says nothing in the catalog fits", "players who use a gamepad", ["gamepad"])

# ======================================================================== iot
# The iot catalog has no synonyms at all: the model grounds every name in the words that are
# closest to it, as the map prompt asks.
T = "iot"
single(T, "001-sensor-s2-devices", "a model value written as in the catalog", "sensor_s2 devices",
       f'model = "sensor_s2" {R("model", "sensor_s2")} {V("sensor_s2", "sensor_s2")}')
single(T, "002-devices-on-the-beta-channel", "a channel value", "devices on the beta channel",
       f'firmware_channel = "beta" {R("firmware_channel", "channel")} {V("beta", "beta")}')
single(T, "003-devices-on-the-nightly-or", "two values as a list", "devices on the nightly or beta firmware channel",
       f'firmware_channel in ["nightly", "beta"] {R("firmware_channel", "firmware channel")} {V("nightly", "nightly")} {V("beta", "beta")}')
single(T, "004-devices-in-germany", "a country name to the site country code", "devices in Germany",
       f'site_country = "DE" {R("site_country", "Germany")} {V("DE", "Germany")}')
single(T, "005-devices-in-the-uk-or", "'UK' is GB", "devices in the UK or the Netherlands",
       f'site_country in ["GB", "NL"] {R("site_country", "UK")} {V("GB", "UK")} {V("NL", "Netherlands")}')
single(T, "006-solar-powered-devices", "a power source value", "solar powered devices",
       f'power_source = "solar" {R("power_source", "powered")} {V("solar", "solar")}')
parts(T, "007-battery-powered-devices-with-a", "two parts: a power source and a battery level bound",
    ("battery powered devices", False, f'power_source = "battery" {R("power_source", "powered")} {V("battery", "battery")}', None, None),
    ("with a battery level under 20", False, f'battery_level < 20 {R("battery_level", "battery level")}', None, None))
single(T, "008-devices-with-a-battery-level", "a percent facet on 0..100: 10 percent is 10", "devices with a battery level below 10 percent",
       f'battery_level < 10 {R("battery_level", "battery level")}')
single(T, "009-devices-with-a-signal-strength", "a negative threshold", "devices with a signal strength below -100",
       f'signal_strength < -100 {R("signal_strength", "signal strength")}')
single(T, "010-devices-installed-in-the-last", "a window on a date facet", "devices installed in the last 30 days",
       f'installed_on @window {R("installed_on", "installed")}', "during last 30 days", "in the last 30 days")
single(T, "011-devices-with-no-warranty-end", "is missing", "devices with no warranty end date",
       f'warranty_end is missing {R("warranty_end", "warranty end")}')
cassette(T, "012-devices-without-a-heartbeat-in", "'without ... in the last N days' as an exclusion",
    decompose(("a heartbeat in the last 2 days", True)),
    mapped("a heartbeat in the last 2 days", f'last_heartbeat_at @window {R("last_heartbeat_at", "heartbeat")}'),
    date("a heartbeat in the last 2 days", "during last 2 days", "in the last 2 days"))
single(T, "013-devices-that-are-online", "a bool facet", "devices that are online",
       f'is_online = true {R("is_online", "online")}')
single(T, "014-offline-devices", "a never-missing bool = false", "offline devices",
       f'is_online = false {R("is_online", "offline")}')
single(T, "015-devices-where-tampering-was-detected", "a bool facet", "devices where tampering was detected",
       f'tamper_detected = true {R("tamper_detected", "tampering was detected")}')
single(T, "016-devices-with-auto-update-turned", "a bool facet = false", "devices with auto update turned off",
       f'auto_update = false {R("auto_update", "auto update")}')
single(T, "017-devices-with-uptime-over-1000", "'over' as >", "devices with uptime over 1000 hours",
       f'uptime_hours > 1000 {R("uptime_hours", "uptime")}')
single(T, "018-devices-with-a-health-grade", "an ordered value by equality", "devices with a health grade of poor",
       f'health_grade = "poor" {R("health_grade", "health grade")} {V("poor", "poor")}')
single(T, "019-devices-with-a-health-grade", "'or worse' on a worst-to-best order as <=", "devices with a health grade of fair or worse",
       f'health_grade <= "fair" {R("health_grade", "health grade")} {V("fair", "fair")}')
single(T, "020-devices-with-a-failure-probability", "a model score with an explicit threshold", "devices with a failure probability above 0.3",
       f'failure_probability > 0.3 {R("failure_probability", "failure probability")}')
single(T, "021-devices-running-firmware-version-3", "a free-text value copied verbatim", "devices running firmware version 3.2.1",
       f'firmware_version = "3.2.1" {R("firmware_version", "firmware version")}')
single(T, "022-devices-that-raised-a-critical", "an event field value and a window", "devices that raised a critical alert in the last 7 days",
       f'has alert where severity = "critical" @window {R("alert", "alert")} {R("alert.severity", "critical")} {V("critical", "critical")}',
       "during last 7 days", "in the last 7 days")
single(T, "023-devices-with-an-overheat-alert", "an alert code value", "devices with an overheat alert",
       f'has alert where alert_code = "overheat" @window {R("alert", "alert")} {R("alert.alert_code", "overheat")} {V("overheat", "overheat")}')
single(T, "024-devices-with-5-or-more", "a count over a window", "devices with 5 or more alerts in the last 30 days",
       f'has alert @window count >= 5 {R("alert", "alerts")}', "during last 30 days", "in the last 30 days")
single(T, "025-devices-with-an-unacknowledged-alert", "a bool event field = false", "devices with an unacknowledged alert",
       f'has alert where acknowledged = false @window {R("alert", "alert")} {R("alert.acknowledged", "unacknowledged")}')
single(T, "026-devices-with-a-low-battery", "an alert code written as in the catalog, and a window", "devices with a low_battery alert in the last 14 days",
       f'has alert where alert_code = "low_battery" @window {R("alert", "alert")} {R("alert.alert_code", "low_battery")} {V("low_battery", "low_battery")}',
       "during last 14 days", "in the last 14 days")
single(T, "027-devices-that-reported-a-temperature", "a numeric event field and a window", "devices that reported a temperature above 40 in the last 7 days",
       f'has reading where temperature_c > 40 @window {R("reading", "reported")} {R("reading.temperature_c", "temperature")}',
       "during last 7 days", "in the last 7 days")
single(T, "028-devices-whose-average-humidity-in", "an average over a window", "devices whose average humidity in the last 30 days was above 80",
       f'has reading @window avg(humidity) > 80 {R("reading", "humidity")} {R("reading.humidity", "humidity")}',
       "during last 30 days", "in the last 30 days")
cassette(T, "029-devices-with-no-readings-in", "'no readings in the last N days' as an exclusion",
    decompose(("readings in the last 7 days", True)),
    mapped("readings in the last 7 days", f'has reading @window {R("reading", "readings")}'),
    date("readings in the last 7 days", "during last 7 days", "in the last 7 days"))
single(T, "030-devices-with-a-failed-firmware", "a bool event field = false", "devices with a failed firmware update",
       f'has firmware_update where succeeded = false @window {R("firmware_update", "firmware update")} {R("firmware_update.succeeded", "failed")}')
single(T, "031-devices-with-2-or-more", "a field, a count and a window", "devices with 2 or more failed firmware updates in the last 90 days",
       f'has firmware_update where succeeded = false @window count >= 2 {R("firmware_update", "firmware updates")} {R("firmware_update.succeeded", "failed")}',
       "during last 90 days", "in the last 90 days")
single(T, "032-devices-that-updated-to-firmware", "a free-text event field copied verbatim", "devices that updated to firmware 4.0.0",
       f'has firmware_update where to_version = "4.0.0" @window {R("firmware_update", "updated")} {R("firmware_update.to_version", "updated to")}')
parts(T, "033-camera-c1-devices-in-australia", "three parts",
    ("camera_c1 devices", False, f'model = "camera_c1" {R("model", "camera_c1")} {V("camera_c1", "camera_c1")}', None, None),
    ("in Australia", False, f'site_country = "AU" {R("site_country", "Australia")} {V("AU", "Australia")}', None, None),
    ("that are offline", False, f'is_online = false {R("is_online", "offline")}', None, None))
parts(T, "034-devices-on-the-stable-channel", "three parts",
    ("devices on the stable channel", False, f'firmware_channel = "stable" {R("firmware_channel", "channel")} {V("stable", "stable")}', None, None),
    ("in Canada", False, f'site_country = "CA" {R("site_country", "Canada")} {V("CA", "Canada")}', None, None),
    ("with a health grade of good", False, f'health_grade = "good" {R("health_grade", "health grade")} {V("good", "good")}', None, None))
parts(T, "035-battery-powered-devices-excluding-those", "'excluding' as an exclusion",
    ("battery powered devices", False, f'power_source = "battery" {R("power_source", "powered")} {V("battery", "battery")}', None, None),
    ("those where tampering was detected", True, f'tamper_detected = true {R("tamper_detected", "tampering was detected")}', None, None))
parts(T, "036-sensor-s1-devices-but-not", "'but not those' as an exclusion",
    ("sensor_s1 devices", False, f'model = "sensor_s1" {R("model", "sensor_s1")} {V("sensor_s1", "sensor_s1")}', None, None),
    ("those in the US", True, f'site_country = "US" {R("site_country", "US")} {V("US", "US")}', None, None))
single(T, "037-devices-with-no-battery-level", "is missing", "devices with no battery level reported",
       f'battery_level is missing {R("battery_level", "battery level")}')
single(T, "038-devices-with-a-signal-strength", "a range of negative numbers", "devices with a signal strength between -90 and -70",
       f'signal_strength between -90 and -70 {R("signal_strength", "signal strength")}')
vague(T, "039-devices-with-a-weak-signal", "a vague strength: INFERRED dBm cut-off", "devices with a weak signal",
      f'signal_strength < -100 {R("signal_strength", "signal")} {I(-100, "weak signal")}')
vague(T, "040-devices-likely-to-fail", "a model score fits, the cut-off is the requester's: INFERRED", "devices likely to fail",
      f'failure_probability >= 0.5 {R("failure_probability", "likely to fail")} {I(0.5, "likely to fail")}')
vague(T, "041-devices-that-raised-an-alert", "a vague time word: the date stage guesses with inferred=true", "devices that raised an alert recently",
      f'has alert @window {R("alert", "alert")}', "during last 7 days", "recently")
vague(T, "042-old-devices", "a vague age: the date stage guesses an install window with inferred=true", "old devices",
      f'installed_on @window {R("installed_on", "old")}', "before 2024-03-01", "old")
vague(T, "043-devices-with-low-battery", "a vague level: INFERRED battery threshold", "devices with low battery",
      f'battery_level < 20 {R("battery_level", "battery")} {I(20, "low battery")}')
refuse(T, "044-reboot-all-offline-devices", "decompose refuses an action on the devices",
       "asks to reboot devices, an action, not a description of devices")
refuse(T, "045-drop-table-devices", "decompose refuses a data change",
       "asks to drop a table, a change to data, not a description of devices")
unmapped(T, "046-devices-mounted-on-the-ceiling", "map says nothing in the catalog fits", "devices mounted on the ceiling",
         ["mounted on the ceiling"])
unmapped(T, "047-devices-with-a-gps-fix", "map says nothing in the catalog fits", "devices with a GPS fix", ["GPS fix"])

# ======================================================================== repairs
# The first answers above are what a model writes from the request. Where the pipeline's grounding
# rejects one (the name or value was not among the part's retrieved candidates, or a number it
# does not find in the request), it sends the rendered problem to the repair stage; these are the
# answers a model following prompts/repair.prompt gives to that message: when retrieval offered
# nothing that fits, it lists the words as unmapped instead of inventing a name; when the rejected
# number is the user's own, it keeps the condition (twice: the pipeline repairs a part at most twice).
from scripted_cassettes import repair  # noqa: E402

def repair_unmapped(set_name, case, span, words):
    note, interactions = SETS[set_name][case]
    SETS[set_name][case] = (note + "; grounding rejects it (not among the retrieved candidates), and the repair reports "
                            + ", ".join(f'"{w}"' for w in words) + " unmapped",
                            interactions + (repair(span, None, unmapped=words),))

def repair_keep(set_name, case, span, condition,
                why="grounding does not find the user's negative number in the request, and the repair keeps it"):
    note, interactions = SETS[set_name][case]
    SETS[set_name][case] = (note + "; " + why,
                            interactions + (repair(span, condition), repair(span, condition, attempt=2)))

repair_unmapped(B, "013-clients-over-60", "clients over 60", ["over 60"])
repair_unmapped(B, "027-clients-whose-card-transactions-add", "clients whose card transactions add up to more than 2000 in the last 90 days", ["add up to more than 2000"])
repair_unmapped(B, "034-students-under-25-who-gave", "under 25", ["under 25"])
repair_unmapped(B, "040-wealthy-clients", "wealthy clients", ["wealthy"])
repair_unmapped(B, "041-clients-likely-to-leave", "clients likely to leave", ["likely to leave"])
repair_unmapped(B, "042-clients-who-logged-in-recently", "clients who logged in recently", ["logged in"])

repair_keep(G, "018-players-with-10-or-more", "players with 10 or more sessions in the last 7 days",
            f'sessions_last_7_days >= 10 {R("sessions_last_7_days", "sessions in the last 7 days")}',
            "the pipeline asks for a place for the window, and the repair keeps the condition: the facet holds the 7 days itself")
repair_unmapped(G, "025-players-who-spent-over-50", "players who spent over 50 dollars on in-app purchases in the last 30 days", ["spent over 50 dollars"])
repair_unmapped(G, "026-players-who-bought-gems-for", "players who bought gems for more than 20 dollars", ["for more than 20 dollars"])
repair_unmapped(G, "029-players-who-won-a-tournament", "players who won a tournament match", ["won"])
repair_unmapped(G, "039-whales", "whales", ["whales"])
repair_unmapped(G, "040-highly-engaged-players", "highly engaged players", ["highly engaged"])

repair_keep(T, "009-devices-with-a-signal-strength", "devices with a signal strength below -100",
            f'signal_strength < -100 {R("signal_strength", "signal strength")}')
repair_unmapped(T, "014-offline-devices", "offline devices", ["offline"])
repair_unmapped(T, "030-devices-with-a-failed-firmware", "devices with a failed firmware update", ["failed"])
repair_unmapped(T, "031-devices-with-2-or-more", "devices with 2 or more failed firmware updates in the last 90 days", ["failed"])
repair_unmapped(T, "033-camera-c1-devices-in-australia", "that are offline", ["offline"])
repair_keep(T, "038-devices-with-a-signal-strength", "devices with a signal strength between -90 and -70",
            f'signal_strength between -90 and -70 {R("signal_strength", "signal strength")}')
repair_unmapped(T, "040-devices-likely-to-fail", "devices likely to fail", ["likely to fail"])
repair_unmapped(T, "042-old-devices", "old devices", ["old"])

def main():
    names = sys.argv[1:] or sorted(SETS)
    written = 0
    for set_name in names:
        root = os.path.join(HERE, "..", "nl-" + set_name, "cases")
        for case, (note, interactions) in sorted(SETS.get(set_name, {}).items()):
            written += write_cassette(os.path.join(root, case), f"{set_name}/{case}", note, interactions)
    print(f"wrote {written} scripted cassettes")

if __name__ == "__main__":
    main()
