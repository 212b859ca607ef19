import SegmintCore

/// The outcome of one snapshot or data test.
public struct TestCaseResult: Sendable {
    public enum Kind: String, Sendable { case snapshot, data }
    public var kind: Kind
    /// `postgres/paying` for a snapshot; `fixture.yaml: paying` for a data test.
    public var name: String
    /// nil when it passed; else what went wrong (a diff, expected vs got, a diagnostic).
    public var failure: String?
    /// The diagnostic code of the failure (E1213 mismatch, E1215 missing, E1223 expectation, …).
    public var code: String?
    public var passed: Bool { failure == nil }
    public init(kind: Kind, name: String, failure: String?, code: String? = nil) {
        self.kind = kind; self.name = name; self.failure = failure; self.code = code
    }
}

/// JUnit XML (the Ant schema CI servers read): one testsuite per kind, a testcase per test,
/// `<failure>` with the message and details.
public enum JUnitReport {
    public static func xml(_ results: [TestCaseResult]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = results.filter { !$0.passed }.count
        out += "<testsuites name=\"segmint\" tests=\"\(results.count)\" failures=\"\(failures)\">\n"
        for kind in [TestCaseResult.Kind.snapshot, .data] {
            let cases = results.filter { $0.kind == kind }
            guard !cases.isEmpty else { continue }
            out += "  <testsuite name=\"\(kind.rawValue)\" tests=\"\(cases.count)\" failures=\"\(cases.filter { !$0.passed }.count)\">\n"
            for c in cases {
                out += "    <testcase classname=\"segmint.\(kind.rawValue)\" name=\"\(escape(c.name))\""
                if let f = c.failure {
                    let first = f.split(separator: "\n").first.map(String.init) ?? f
                    out += ">\n      <failure message=\"\(escape(first))\">\(escape(f))</failure>\n    </testcase>\n"
                } else {
                    out += "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// XML text: markup characters escaped; characters XML 1.0 cannot hold written as `\u{…}`.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(u)
            case "\r": out += "&#13;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { out += "\\u{\(String(u.value, radix: 16))}" }
                else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
