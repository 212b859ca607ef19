/// The readable forms of a report and a comparison (the JSON report is the machine form).
public enum EvalTable {
    /// One table per run, then one summary line per run (`offline translator: …` is its own line).
    public static func render(_ report: EvalReport, summaryOnly: Bool = false) -> String {
        var out = "eval \(report.suite) — catalog \(report.catalog), as of \(report.asOf)\n"
        if !summaryOnly {
            for run in report.runs { out += "\n" + table(run) }
        }
        out += "\n"
        for run in report.runs {
            out += summaryLine(run) + "\n"
            if let first = report.transfer?[run.translator] { out += "  " + transferLine(first) + "\n" }
        }
        return out
    }

    /// The first run's numbers on the suite, printed under the current ones.
    public static func transferLine(_ s: EvalSummary) -> String {
        "transfer (first run): passed \(s.passed)/\(s.run) (\(pct(s.accuracy)))"
            + ", execution \(s.executionMatches)/\(s.segmentCases) (\(pct(s.executionAccuracy)))"
            + ", outcome \(pct(s.outcomeAccuracy))"
    }

    static func table(_ run: EvalRun) -> String {
        let header = ["case", "expect", "outcome", "pass", "exec", "exact", "ground", "q", "llm", "ms"]
        var rows: [[String]] = [header]
        func yn(_ x: Bool?) -> String { x.map { $0 ? "yes" : "no" } ?? "-" }
        for c in run.cases {
            var pass = c.skipped ? "-" : yn(c.passed)
            if c.unsafeOutput { pass += "!" }
            rows.append([
                c.id, c.expect, c.outcome, pass, yn(c.executionMatch), yn(c.exactMatch),
                c.outcome == "segment" ? String(c.groundingViolations + c.checkErrors) : "-",
                String(c.clarificationQuestions), String(c.llmCalls), formatMs(c.latencyMs),
            ])
        }
        var widths = Array(repeating: 0, count: header.count)
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = "run: \(name(run)) (llm: \(run.llm))\n"
        for r in rows {
            let cells = r.enumerated().map { i, cell in
                // Numbers right-aligned, text left-aligned.
                i >= 7 ? String(repeating: " ", count: widths[i] - cell.count) + cell
                       : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        let failing = run.cases.filter { !$0.passed && !$0.skipped && !$0.detail.isEmpty }
        if !failing.isEmpty {
            out += "failures:\n"
            for c in failing { out += "  \(c.id): \(c.detail.prefix(2).joined(separator: "; "))\n" }
        }
        return out
    }

    static func name(_ run: EvalRun) -> String {
        run.translator == "offline" ? "offline translator" : run.translator
    }

    public static func summaryLine(_ run: EvalRun) -> String {
        let s = run.summary
        var line = "\(name(run)): passed \(s.passed)/\(s.run) (\(pct(s.accuracy)))"
        line += ", execution \(s.executionMatches)/\(s.segmentCases) (\(pct(s.executionAccuracy)))"
        line += ", exact \(s.exactMatches)/\(s.segmentCases) (\(pct(s.exactAccuracy)))"
        line += ", outcome \(pct(s.outcomeAccuracy))"
        line += ", grounded \(s.groundedSegments)/\(s.producedSegments) (\(pct(s.groundingRate)))"
        line += ", unsafe \(s.unsafeCases), questions \(s.clarificationQuestions), llm calls \(s.llmCalls)"
        line += ", p50 \(formatMs(s.latencyMsP50)) ms"
        if s.skipped > 0 { line += ", \(s.skipped) skipped" }
        if s.emptyReferences > 0 { line += ", \(s.emptyReferences) empty references" }
        return line
    }

    /// The comparison with a baseline: metric lines, then case lines, regressions first.
    public static func render(_ cmp: EvalComparison) -> String {
        var out = ""
        for run in cmp.runs {
            out += "\nbaseline comparison: \(run.translator)\n"
            for m in run.metrics where m.status != .same {
                let flag = m.status == .regression ? (m.gated ? "REGRESSION (gated)" : "regression") : m.status.rawValue
                out += "  \(m.metric): \(num(m.baseline)) -> \(num(m.current))  \(flag)\n"
            }
            if !run.metrics.contains(where: { $0.status != .same }) { out += "  metrics unchanged\n" }
            for t in run.tags {
                out += "  tag \(t.tag): passed \(t.baseline.passed)/\(t.baseline.run) -> \(t.current.passed)/\(t.current.run)  \(t.status.rawValue)\n"
            }
            let order: [EvalChangeStatus] = [.regression, .improvement, .changed]
            for status in order {
                for c in run.cases where c.status == status {
                    out += "  \(status.rawValue) \(c.id): \(c.changes.joined(separator: ", "))\n"
                }
            }
        }
        for m in cmp.missingRuns { out += "\nbaseline run \"\(m)\" is missing from this report\n" }
        if cmp.gateFailed {
            let failures = cmp.runs.flatMap { r in r.gateFailures.map { "\(r.translator) \($0.metric) \(num($0.baseline)) -> \(num($0.current))" } }
                + cmp.missingRuns.map { "\($0) not run" }
            out += "gate: FAILED (\(failures.joined(separator: "; ")))\n"
        } else {
            out += "gate: passed\n"
        }
        return out
    }

    static func pct(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func num(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    static func formatMs(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
