#!/usr/bin/env python3
"""Writes a large file of realistic segments for benchmarking `segmint check`.

usage: python3 notes/check_bench.py OUT.seg [MEGABYTES=10]
then:  swift build -c release && /usr/bin/time -v .build/release/segmint check OUT.seg --catalog catalogs/retail.yaml
"""
import random, sys

out, mb = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 10
rng = random.Random(7)
states = ["CA", "OR", "WA", "NY", "TX", "FL", "IL", "MA"]
cats = ["Outdoor", "Electronics", "Grocery", "Apparel", "Home", "Beauty", "Toys", "Sports"]
tiers = ["bronze", "silver", "gold", "platinum"]

def cond(i):
    k = rng.randrange(12)
    if k == 0: return f'state in [{", ".join(chr(34)+s+chr(34) for s in rng.sample(states, 3))}]  [RETRIEVED: state]'
    if k == 1:
        v = rng.randrange(50, 5000)
        return f'lifetime_spend >= {v}  [RETRIEVED: lifetime_spend] [INFERRED: {v} from "high-value"]'
    if k == 2: return f'has purchase where category = "{rng.choice(cats)}" during last {rng.randrange(1, 24)} months count >= {rng.randrange(1, 5)}'
    if k == 3: return f'loyalty_tier >= "{rng.choice(tiers)}"'
    if k == 4: return f'age between {rng.randrange(18, 40)} and {rng.randrange(41, 90)}'
    if k == 5: return 'email_opt_out = false'
    if k == 6: return f'has purchase where channel = "online" and amount > {rng.randrange(5, 500)}.50 during fiscal_year 2025'
    if k == 7: return f'signup_date since 2024-0{rng.randrange(1, 9)}-15'
    if k == 8: return f'not has support_ticket where severity >= "high" during last {rng.randrange(7, 180)} days'
    if k == 9: return f'city contains "san"'
    if k == 10: return f'has purchase sum(amount) between 100 and {rng.randrange(200, 5000)}'
    return f'churn_score > 0.{rng.randrange(10, 99)}'

size, n = 0, 0
with open(out, "w") as f:
    while size < mb * 1_000_000:
        lines = [f'# generated segment {n}', f'segment seg_{n} "Generated segment {n}" {{',
                 f'  description "Benchmark segment number {n}"', '  include {']
        lines += [f'    {cond(n)}' for _ in range(rng.randrange(3, 8))]
        if n > 0 and rng.random() < 0.3:
            lines.append(f'    any {{\n      in segment seg_{rng.randrange(0, n)}\n      has email_click during last 30 days\n    }}')
        lines += ['  }', '  exclude {', '    is_employee = true', '  }', '}', '']
        text = "\n".join(lines) + "\n"
        f.write(text); size += len(text.encode()); n += 1
print(f"{out}: {n} segments, {size} bytes")
