"""Oracles for the conformance suite (stdin: JSON request, stdout: JSON answer).

{"op": "parse", "items": [[dialect, sql], ...]}  -> per item {"error": str|null, "columns": [...]}
  sqlglot parses the SQL in that dialect; it must be exactly one SELECT with no writes.
{"op": "duckdb", "fixture": path, "queries": [sql, ...]} -> per query {"keys": [...]} | {"error": str}
  loads the hand-made rows of saas.sql (via Python's sqlite3) into typed DuckDB tables.
  With "read": dialect, each query is first transpiled from that dialect by sqlglot.
"""
import json, sqlite3, sys

TYPES = {
    "SaaS Accounts": {"acct_id": "VARCHAR", "plan": "VARCHAR", "Region": "VARCHAR", "Company Name": "VARCHAR",
                      "lastname": "VARCHAR", "SeatCount": "BIGINT", "MRR": "DECIMAL(18,2)", "in_trial": "BOOLEAN",
                      "from_source": "VARCHAR", "counts": "BIGINT", "SignupDay": "DATE", "LastSeenAt": "TIMESTAMP",
                      "health_score": "DOUBLE"},
    "invoices": {"account_ref": "VARCHAR", "issued_on": "DATE", "Total": "DECIMAL(18,2)", "status": "VARCHAR",
                 "line_items": "BIGINT"},
    "Login Events": {"acct_id": "VARCHAR", "LoggedAt": "TIMESTAMP", "user_email": "VARCHAR", "sso": "BOOLEAN"},
}


def parse(items):
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ErrorLevel
    out = []
    for dialect, sql in items:
        try:
            stmts = [s for s in sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE) if s is not None]
            if len(stmts) != 1:
                out.append({"error": "%d statements" % len(stmts)}); continue
            s = stmts[0]
            if not isinstance(s, exp.Select):
                out.append({"error": "not a SELECT: " + type(s).__name__}); continue
            if any(isinstance(n, (exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create, exp.Command)) for n in s.walk()):
                out.append({"error": "writes"}); continue
            out.append({"error": None, "columns": [e.alias_or_name for e in s.expressions]})
        except Exception as e:
            out.append({"error": "%s: %s" % (type(e).__name__, str(e)[:300])})
    return out


def duck(fixture, queries, read=None):
    import duckdb
    if read:
        import sqlglot
        queries = [sqlglot.transpile(q, read=read, write="duckdb")[0] for q in queries]
    lite = sqlite3.connect(":memory:")
    lite.executescript(open(fixture, encoding="utf-8").read())
    con = duckdb.connect(":memory:")
    for table, cols in TYPES.items():
        con.execute('CREATE TABLE "%s" (%s)' % (table, ", ".join('"%s" %s' % (c, t) for c, t in cols.items())))
        names = list(cols)
        rows = lite.execute("SELECT %s FROM \"%s\"" % (", ".join('"%s"' % c for c in names), table)).fetchall()
        fixed = [[None if v is None else (bool(v) if cols[c] == "BOOLEAN" else v) for v, c in zip(r, names)] for r in rows]
        con.executemany('INSERT INTO "%s" VALUES (%s)' % (table, ", ".join("?" for _ in names)), fixed)
    out = []
    for q in queries:
        try:
            out.append({"keys": [str(r[0]) for r in con.execute(q).fetchall()]})
        except Exception as e:
            out.append({"error": str(e)[:400]})
    return out


req = json.load(sys.stdin)
if req["op"] == "parse":
    json.dump(parse(req["items"]), sys.stdout)
else:
    json.dump(duck(req["fixture"], req["queries"], req.get("read")), sys.stdout)
