"""Latency and memory of `segmint lsp` (release build) seen from an editor.

1. Diagnostics latency: a 1,000-line document is open; each round changes one line (an
   incremental didChange) and times until the server publishes that version's diagnostics.
   Prints the median, p90 and maximum over the rounds.
2. Memory: 200 documents of 100 lines are opened one by one (each waits for its diagnostics);
   prints the server's resident memory (VmRSS) and peak (VmHWM) before and after, and after
   closing them all.

Usage: python3 bench/lsp/bench.py [SEGMINT_BINARY]   (run.sh builds the release binary)
"""
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/segmint"
REPO = pathlib.Path(__file__).resolve().parents[2]

CATALOG = """name: bench
version: 1
entity: {name: account, table: accounts, key: account_id}
facets:
  - {name: plan, type: string, values: [free, pro, enterprise], ordered: true}
  - {name: region, type: string, values: [north, south, east, west]}
  - {name: seats, type: int}
  - {name: mrr, type: decimal}
  - {name: signup_date, type: date}
events:
  - name: login
    table: logins
    key: account_id
    time: logged_in_at
    fields:
      - {name: device, type: string, values: [web, ios, android]}
      - {name: duration, type: int}
"""


def segment_lines(i):
    """One 10-line segment with facet, event and window conditions."""
    return [
        f'segment s{i} "Segment {i}" {{',
        "  include {",
        f"    seats >= {i % 50 + 1}",
        '    plan >= "pro"',
        '    region in ["north", "east"]',
        f'    has login where device = "web" during last {i % 90 + 1} days count >= 2',
        "  }",
        "  exclude { mrr < 10 }",
        "}",
        "",
    ]


def document(n_segments, offset=0):
    return "\n".join(l for i in range(n_segments) for l in segment_lines(offset + i)) + "\n"


class Client:
    def __init__(self, root):
        args = [BIN] if BIN.endswith("segmint-bench-lsp") else [BIN, "lsp"]
        self.p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1
        self.request("initialize", {"rootUri": pathlib.Path(root).as_uri(), "capabilities": {}})
        self.notify("initialized", {})

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def recv(self):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += self.p.stdout.read(1)
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        return json.loads(self.p.stdout.read(length))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        while True:
            m = self.recv()
            if m.get("id") == i and "method" not in m:
                return m

    def diagnostics(self, uri, version):
        while True:
            m = self.recv()
            p = m.get("params", {})
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri and p.get("version") == version:
                return p["diagnostics"]

    def memory_kb(self):
        fields = {}
        for line in open(f"/proc/{self.p.pid}/status"):
            k, _, v = line.partition(":")
            fields[k] = v.strip()
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=10)


def latency(client, root, rounds=200):
    uri = (pathlib.Path(root) / "big.seg").as_uri()
    text = document(100)
    assert text.count("\n") == 1000
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "segment", "version": 1, "text": text}})
    assert client.diagnostics(uri, 1) == []
    times = []
    for r in range(rounds):
        version = r + 2
        line = 10 * (r % 100) + 2   # the `seats >= N` line of a segment
        new = f"    seats >= {r % 7 + 1}"
        start = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 100}}, "text": new}],
        })
        diags = client.diagnostics(uri, version)
        times.append((time.perf_counter() - start) * 1000)
        assert diags == [], diags
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)], times[-1]


def memory(client, root, files=200):
    before = client.memory_kb()
    uris = []
    for i in range(files):
        uri = (pathlib.Path(root) / f"f{i}.seg").as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "segment", "version": 1,
                                                                  "text": document(10, offset=1000 * i)}})
        client.diagnostics(uri, 1)
        uris.append(uri)
    opened = client.memory_kb()
    for uri in uris:
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.request("textDocument/documentSymbol", {"textDocument": {"uri": (pathlib.Path(root) / "big.seg").as_uri()}})
    closed = client.memory_kb()
    return before, opened, closed


def main():
    root = tempfile.mkdtemp(prefix="segmint-lsp-bench-")
    try:
        (pathlib.Path(root) / "catalog.yaml").write_text(CATALOG)
        (pathlib.Path(root) / "segmint.yaml").write_text("catalog: catalog.yaml\n")
        client = Client(root)
        med, p90, worst = latency(client, root)
        print(f"diagnostics after a change, 1,000-line file (200 edits): median {med:.1f} ms, p90 {p90:.1f} ms, max {worst:.1f} ms")
        before, opened, closed = memory(client, root)
        print(f"memory (RSS / peak): {before[0] // 1024} / {before[1] // 1024} MB with 1 file; "
              f"{opened[0] // 1024} / {opened[1] // 1024} MB with 200 more open; {closed[0] // 1024} MB after closing them")
        client.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
