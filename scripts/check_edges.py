#!/usr/bin/env python3
"""Checks that Package.swift states the real dependency edges: every target declares exactly the
modules its Swift files import (system modules such as Foundation, Glibc and XCTest aside).

A missing edge builds only by accident of another target's order; an extra one claims an
architecture the code does not have. Exit 0 when they agree, 1 listing each difference.

    scripts/check_edges.py
"""
import json
import os
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationXML", "FoundationNetworking", "FoundationEssentials", "Glibc",
          "Darwin", "Musl", "Dispatch", "XCTest", "Testing", "os", "Synchronization"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|(?:public|internal|package)\s+)*"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?"
                    r"([A-Za-z_][A-Za-z0-9_]*)", re.M)
# Multi-line string literals (embedded Python, SQL) and block comments hold no imports.
NOT_CODE = re.compile(r'#*"""[\s\S]*?"""#*|/\*[\s\S]*?\*/')


def declared(target):
    names = set()
    for dep in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dep:
                names.add(dep[kind][0])
    return names


def imported(path):
    names = set()
    for root, _, files in os.walk(path):
        for f in files:
            if f.endswith(".swift"):
                with open(os.path.join(root, f), encoding="utf-8") as src:
                    names |= set(IMPORT.findall(NOT_CODE.sub("", src.read())))
    return names - SYSTEM


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True,
                                        capture_output=True, text=True).stdout)
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        name = target["name"]
        path = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + name
        want, have = imported(path), declared(target)
        problems += [f"{name}: imports {m} but Package.swift does not declare it" for m in sorted(want - have)]
        problems += [f"{name}: Package.swift declares {m} but no file under {path} imports it"
                     for m in sorted(have - want)]
    for p in problems:
        print("check_edges: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
