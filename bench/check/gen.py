#!/usr/bin/env python3
"""Generates a file of realistic, valid segments against catalogs/retail.yaml.

Usage: gen.py [MEGABYTES] [OUT]   (default 10 MB to bench/out/segments.seg)

Deterministic (fixed seed). Every name and enumerated value below is taken from
catalogs/retail.yaml; `in segment` only refers to earlier segments, so there are no cycles.
"""
import os
import random
import sys

STATES = "AK AL AR AZ CA CO CT DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY DC".split()
TIERS = ["bronze", "silver", "gold", "platinum"]
INCOME = ["low", "lower_middle", "middle", "upper_middle", "high"]
GENDER = ["female", "male", "nonbinary", "undisclosed"]
CHANNELS = ["online", "store", "app", "phone"]
SOURCES = ["organic", "paid_search", "social", "referral", "affiliate", "email", "retail"]
CATEGORIES = ["Outdoor", "Electronics", "Grocery", "Apparel", "Home", "Beauty", "Toys", "Sports"]
TOPICS = ["delivery", "refund", "product", "account", "other"]
SEVERITY = ["low", "medium", "high", "urgent"]
LINKS = ["product", "promo", "unsubscribe", "other"]
CITIES = ["Portland", "Seattle", "San Diego", "Austin", "Boston", "Denver"]
WORDS = ["lapsed", "loyal", "big", "new", "gift", "west", "outdoor", "deal", "app", "vip", "quiet", "risky"]

r = random.Random(20260301)


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def date():
    return f"{r.randint(2019, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def window():
    k = r.randrange(6)
    if k < 3:
        n = r.choice([1, 7, 14, 30, 60, 90, 180, 365])
        return f"during last {n} {'day' if n == 1 else 'days'}" if k == 0 else f"during last {r.randint(1, 24)} months"
    if k == 3:
        a = date()
        return f"since {a}"
    if k == 4:
        return f"during fiscal_quarter {r.randint(2023, 2026)} Q{r.randint(1, 4)}"
    return f"during fiscal_year {r.randint(2023, 2026)}"


def facet_predicate():
    k = r.randrange(16)
    if k == 0: return f"state in {qlist(r.sample(STATES, r.randint(1, 5)))}", "[RETRIEVED: state]"
    if k == 1: return f"age between {r.randint(18, 40)} and {r.randint(41, 90)}", "[RETRIEVED: age]"
    if k == 2: return f"loyalty_tier >= {q(r.choice(TIERS))}", "[RETRIEVED: loyalty_tier]"
    if k == 3:
        n = r.randint(50, 5000)
        return f"lifetime_spend >= {n}", f"[RETRIEVED: lifetime_spend] [INFERRED: {n} from \"high-value\"]"
    if k == 4: return f"email_opt_out = {r.choice(['true', 'false'])}", None
    if k == 5: return f"income_band > {q(r.choice(INCOME[:-1]))}", None
    if k == 6: return f"signup_date {window()}", None
    if k == 7: return f"churn_score > 0.{r.randint(10, 95)}", "[RETRIEVED: churn_score]"
    if k == 8: return f"city = {q(r.choice(CITIES))}", None
    if k == 9: return f"email_domain contains {q(r.choice(['gmail', 'yahoo', 'example']))}", None
    if k == 10: return f"preferred_channel not in {qlist(r.sample(CHANNELS, 2))}", None
    if k == 11: return f"gender = {q(r.choice(GENDER))}", None
    if k == 12: return f"last_login_at is {'not ' if r.random() < 0.5 else ''}missing", None
    if k == 13: return f"acquisition_source = {q(r.choice(SOURCES))}", None
    if k == 14: return f"avg_order_value < {r.randint(20, 300)}.{r.randint(0, 99):02d}", None
    return f"order_count >= {r.randint(1, 50)}", None


def has_condition():
    k = r.randrange(4)
    if k <= 1:
        s = "has purchase"
        preds = []
        if r.random() < 0.7: preds.append(f"category = {q(r.choice(CATEGORIES))}")
        if r.random() < 0.3: preds.append(f"channel in {qlist(r.sample(CHANNELS, 2))}")
        if r.random() < 0.2: preds.append(f"amount > {r.randint(10, 500)}")
        if preds: s += " where " + " and ".join(preds)
        if r.random() < 0.8: s += " " + window()
        a = r.randrange(5)
        if a == 0: s += f" count >= {r.randint(2, 10)}"
        elif a == 1: s += f" sum(amount) > {r.randint(100, 5000)}"
        elif a == 2: s += f" avg(amount) between {r.randint(10, 50)} and {r.randint(51, 300)}"
        elif a == 3: s += f" count_distinct(category) >= {r.randint(2, 5)}"
        return s, "[RETRIEVED: purchase.category]" if "category" in s else None
    if k == 2:
        return f"has email_click where link_type = {q(r.choice(LINKS))} {window()}", None
    return f"has support_ticket where severity >= {q(r.choice(SEVERITY))} and topic = {q(r.choice(TOPICS))} {window()} count >= {r.randint(1, 3)}", None


def condition(depth, n_seg):
    k = r.randrange(10)
    if depth < 2 and k == 0:
        return "any", [condition(depth + 1, n_seg) for _ in range(r.randint(2, 3))]
    if depth < 2 and k == 1:
        return "all", [condition(depth + 1, n_seg) for _ in range(r.randint(2, 3))]
    if k == 2 and n_seg > 0:
        return "line", (f"in segment seg_{r.randrange(n_seg):06d}", None)
    if k == 3:
        c, t = facet_predicate()
        return "line", ("not " + c, t)
    if k in (4, 5, 6):
        return "line", has_condition()
    return "line", facet_predicate()


def render(cond, indent, out):
    kind, body = cond
    pad = "  " * indent
    if kind == "line":
        text, tag = body
        out.append(pad + text + (("  " + tag) if tag and r.random() < 0.5 else "") + "\n")
    else:
        out.append(f"{pad}{kind} {{\n")
        for c in body:
            render(c, indent + 1, out)
        out.append(pad + "}\n")


def segment(i):
    out = []
    if r.random() < 0.3:
        out.append(f"# {r.choice(WORDS)} customers, variant {i}\n")
    words = " ".join(r.sample(WORDS, 2)).capitalize()
    out.append(f"segment seg_{i:06d} {q(words)} {{\n")
    header = False
    if r.random() < 0.6:
        out.append(f"  description {q(words + ' customers picked by the campaign team')}\n")
        header = True
    if r.random() < 0.3:
        out.append(f"  as_of {date()}\n")
        header = True
    out.append(("\n" if header else "") + "  include {\n")
    for _ in range(r.randint(2, 6)):
        render(condition(0, i), 2, out)
    out.append("  }\n")
    if r.random() < 0.6:
        out.append("  exclude {\n")
        for _ in range(r.randint(1, 2)):
            render(condition(1, i), 2, out)
        out.append("  }\n")
    out.append("}\n\n")
    return "".join(out)


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "bench", "out", "segments.seg")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    target = int(mb * 1024 * 1024)
    size = 0
    i = 0
    with open(path, "w") as f:
        while size < target:
            s = segment(i)
            f.write(s)
            size += len(s.encode())
            i += 1
    print(f"{path}: {size} bytes, {i} segments")


if __name__ == "__main__":
    main()
