import Foundation
import SegmintCore

/// Several golden sets in one `segmint eval` run: one per catalog, each scored on its own
/// catalog and demo data, with one summary line per catalog and translator at the end.
public struct EvalSuitesReport: Codable, Sendable, Equatable {
    public static let formatName = "segmint-eval-suites/1"
    public var format: String
    public var reports: [EvalReport]

    public init(reports: [EvalReport]) { format = EvalSuitesReport.formatName; self.reports = reports }

    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }
}

extension EvalDriver {
    /// `segmint eval DIR…`: each DIR is a suite (holds `suite.json`) or a directory of suites
    /// (its sub-directories that hold one, in name order). One suite behaves exactly as `run`.
    /// With several, `--out` writes a `segmint-eval-suites/1` file holding every suite's report,
    /// and `ownBaselines` compares each suite with the `baseline.json` inside it.
    /// Exit code: the worst of the suites' (2 over 1 over 0).
    public static func runSuites(_ options: EvalOptions, environment: EvalEnvironment) async -> CommandOutput {
        let suites: [String]
        do { suites = try expandSuites(options.suiteDirectories) } catch {
            return CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n")
        }
        if suites.count > 1, options.baselinePath != nil {
            return CommandOutput(exitCode: 2, stderr: "segmint: error: --baseline compares one suite; with several suites use --baselines (each suite's own baseline.json)\n")
        }
        if suites.count == 1 && !options.ownBaselines {
            var one = options
            one.suiteDirectory = suites[0]
            return await run(one, environment: environment)
        }
        var stdout = "", stderr = ""
        var code: Int32 = 0
        var reports: [EvalReport] = []
        for dir in suites {
            var one = options
            one.suiteDirectory = dir
            one.outPath = nil
            one.json = false
            if options.ownBaselines {
                let path = dir + "/baseline.json"
                if FileManager.default.fileExists(atPath: path) { one.baselinePath = path } else {
                    stderr += "segmint: note: \(dir) has no baseline.json; not gated\n"
                }
            }
            let (out, report) = await evaluate(one, environment: environment)
            stdout += out.stdout + "\n"
            stderr += out.stderr
            code = worse(code, out.exitCode)
            if let report { reports.append(report) }
        }
        let combined = EvalSuitesReport(reports: reports)
        if let path = options.outPath {
            do { try AtomicFile.write(try combined.json(), to: path) } catch {
                return CommandOutput(exitCode: 2, stdout: stdout, stderr: stderr + "segmint: error: cannot write report \(path): \(error)\n")
            }
        }
        if options.json {
            do { stdout = try combined.json() } catch {
                return CommandOutput(exitCode: 2, stderr: stderr + "segmint: error: cannot encode report: \(error)\n")
            }
        } else {
            stdout += EvalTable.perCatalog(reports)
        }
        return CommandOutput(exitCode: code, stdout: stdout, stderr: stderr)
    }

    /// Suite directories in the order given; a directory without `suite.json` stands for its
    /// sub-directories that have one.
    static func expandSuites(_ dirs: [String]) throws -> [String] {
        if dirs.isEmpty { throw EvalSuiteError("name at least one suite directory (for example golden/nl)") }
        var out: [String] = []
        let fm = FileManager.default
        for d in dirs {
            let dir = d.count > 1 && d.hasSuffix("/") ? String(d.dropLast()) : d
            if fm.fileExists(atPath: dir + "/suite.json") { out.append(dir); continue }
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
                throw EvalSuiteError("\(dir): not a suite (no suite.json) and not a readable directory")
            }
            let found = names.sorted().filter { !$0.hasPrefix(".") && fm.fileExists(atPath: dir + "/" + $0 + "/suite.json") }
            if found.isEmpty { throw EvalSuiteError("\(dir): no suite.json in it or in its sub-directories") }
            out += found.map { dir + "/" + $0 }
        }
        return out
    }

    static func worse(_ a: Int32, _ b: Int32) -> Int32 { a == 2 || b == 2 ? 2 : max(a, b) }
}

extension EvalTable {
    /// The closing block of a multi-suite run: per catalog and translator, the current numbers
    /// and, where the suite keeps one, the first run's beside them.
    public static func perCatalog(_ reports: [EvalReport]) -> String {
        var out = "per catalog:\n"
        for r in reports {
            for run in r.runs where run.summary.run > 0 {
                let s = run.summary
                var line = "  \(r.catalog) (\(r.suite)) \(name(run)): passed \(s.passed)/\(s.run) (\(pct(s.accuracy)))"
                line += ", execution \(s.executionMatches)/\(s.segmentCases) (\(pct(s.executionAccuracy)))"
                line += ", outcome \(pct(s.outcomeAccuracy)), unsafe \(s.unsafeCases)"
                // The bar for vague requests: answered with questions (exit 3), whatever else passed.
                let vague = run.cases.filter { $0.expect == "clarify" && !$0.skipped }
                if !vague.isEmpty { line += ", vague asked \(vague.filter { $0.outcome == "clarify" }.count)/\(vague.count)" }
                if let t = r.transfer?[run.translator] {
                    line += "; transfer passed \(t.passed)/\(t.run) (\(pct(t.accuracy)))"
                    line += ", execution \(t.executionMatches)/\(t.segmentCases) (\(pct(t.executionAccuracy)))"
                }
                out += line + "\n"
            }
        }
        return out
    }
}
