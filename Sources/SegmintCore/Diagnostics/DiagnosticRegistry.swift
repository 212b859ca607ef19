/// One diagnostic code: its severity, a one-line title, and an explanation with an example of
/// input that triggers it and the same input fixed (what `segmint check --explain CODE` prints).
public struct DiagnosticCodeEntry: Sendable, Equatable {
    /// `E` + four digits for errors, `W` for warnings, `N` for notes.
    public let code: String
    public let severity: Severity
    /// Lower case, no final period: `unknown facet`.
    public let title: String
    /// What the code means and why, in a few sentences.
    public let explanation: String
    /// Input (`.seg` text, catalog YAML or a command line) that gets this diagnostic.
    public let example: String
    /// The same input fixed, or what to do instead.
    public let fix: String

    public init(code: String, severity: Severity, title: String, explanation: String, example: String, fix: String) {
        self.code = code
        self.severity = severity
        self.title = title
        self.explanation = explanation
        self.example = example
        self.fix = fix
    }

    public static func error(_ code: String, _ title: String, explanation: String, example: String, fix: String) -> Self {
        Self(code: code, severity: .error, title: title, explanation: explanation, example: example, fix: fix)
    }

    public static func warning(_ code: String, _ title: String, explanation: String, example: String, fix: String) -> Self {
        Self(code: code, severity: .warning, title: title, explanation: explanation, example: example, fix: fix)
    }

    public static func note(_ code: String, _ title: String, explanation: String, example: String, fix: String) -> Self {
        Self(code: code, severity: .note, title: title, explanation: explanation, example: example, fix: fix)
    }
}

/// Every diagnostic code Segmint can emit, in one place: codes are unique across the whole tool
/// (a test checks that, and that every code-shaped string literal in `Sources/` is registered).
///
/// Each range of codes lives in its own file (`Codes+Syntax.swift`, `Codes+Check.swift`, …), so a
/// new range is a new array there; targets keep named constants (`CheckCode.unknownFacet`) whose
/// values must appear here. Ranges:
///
/// | range | stage |
/// |---|---|
/// | E01xx | lexer (E010x–E011x) and parser (E015x–E016x) |
/// | E02xx | names (checker) |
/// | E03xx, W03xx | types and values (checker); conditions that can never hold |
/// | E04xx | grounding tags |
/// | E05xx | SQL generation |
/// | W07xx, N07xx | static analysis attached to `check` |
/// | E08xx, W08xx | catalog loading |
/// | E09xx, W09xx | reading input files |
/// | E10xx | databases, `run`, `demo`, `catalog import` |
/// | E11xx | command line and usage |
/// | E12xx | projects (build, test, materialize, export) |
/// | E13xx | editor / language server |
/// | E14xx | the offline natural-language translator |
/// | E15xx | the `ask` / LLM pipeline |
public enum DiagnosticRegistry {
    /// Every entry, in code order.
    public static let all: [DiagnosticCodeEntry] = {
        let ranges: [[DiagnosticCodeEntry]] = [
            syntaxCodes, nameCodes, typeCodes, groundingCodes, sqlCodes, analysisCodes, catalogCodes,
            inputCodes, databaseCodes, cliCodes, projectCodes, editorCodes, translatorCodes, askCodes,
        ]
        return ranges.joined().sorted { $0.code < $1.code }
    }()

    private static let byCode: [String: DiagnosticCodeEntry] = {
        var out: [String: DiagnosticCodeEntry] = [:]
        // A duplicate keeps its first entry here; `duplicateCodes` reports it (and a test fails).
        for e in all where out[e.code] == nil { out[e.code] = e }
        return out
    }()

    /// The entry of `code` (case-insensitive: `e0301` finds `E0301`).
    public static func entry(_ code: String) -> DiagnosticCodeEntry? {
        byCode[code.uppercased()]
    }

    public static func contains(_ code: String) -> Bool { byCode[code] != nil }

    /// Codes registered more than once (empty when the registry is sound).
    public static var duplicateCodes: [String] {
        var seen = Set<String>(), dup: [String] = []
        for e in all where !seen.insert(e.code).inserted { dup.append(e.code) }
        return dup
    }

    /// Registered codes close to `code` (one or two digits off, or another severity letter),
    /// closest first, at most three: the did-you-mean of `--explain`.
    public static func near(_ code: String) -> [String] {
        let wanted = Array(code.uppercased().unicodeScalars)
        guard wanted.count >= 2, wanted.count <= 8 else { return [] }
        var scored: [(String, Int)] = []
        for e in all {
            let d = Suggest.distance(wanted, Array(e.code.unicodeScalars))
            if d <= 1 || (d == 2 && wanted.count >= 5) { scored.append((e.code, d)) }
        }
        // Same digits under another letter (W0301 for E0301) is the most likely slip.
        if wanted.count == 5 {
            let digits = String(String.UnicodeScalarView(wanted.dropFirst()))
            for letter in ["E", "W", "N"] where letter + digits != code.uppercased() && byCode[letter + digits] != nil {
                scored.append((letter + digits, 0))
            }
        }
        var seen = Set<String>()
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }

    /// The `--explain` text: heading, explanation, the example and its fix.
    public static func explanation(of e: DiagnosticCodeEntry) -> String {
        """
        \(e.code) (\(e.severity.rawValue)): \(e.title)

        \(e.explanation)

        Example:

        \(indent(e.example))

        Fix:

        \(indent(e.fix))

        """
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
            .joined(separator: "\n")
    }

    /// A Markdown table of every code and its title (the code tables in notes/ are this output).
    public static func markdownTable(prefixes: [String]? = nil) -> String {
        var out = "| code | severity | meaning |\n|---|---|---|\n"
        for e in all where prefixes.map({ ps in ps.contains { e.code.hasPrefix($0) } }) ?? true {
            out += "| \(e.code) | \(e.severity.rawValue) | \(e.title.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |\n"
        }
        return out
    }
}
