#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When to colour diagnostics: `--color auto|always|never`.
///
/// `auto` colours only when stderr is a terminal, `NO_COLOR` is not set to a non-empty value
/// (https://no-color.org) and `TERM` is not `dumb`; `always` colours even into a pipe or with
/// `NO_COLOR` (an explicit flag wins over the environment); `never` never does.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// The rule, with its inputs explicit so it can be tested.
    public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = environment["NO_COLOR"], !v.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }

    /// The rule applied to this process: is stderr a terminal, what are `NO_COLOR` and `TERM`.
    public func enabledForStderr() -> Bool {
        guard self == .auto else { return self == .always }
        var env: [String: String] = [:]
        for name in ["NO_COLOR", "TERM"] {
            if let v = getenv(name) { env[name] = String(cString: v) }
        }
        return enabled(isTerminal: isatty(2) == 1, environment: env)
    }
}

/// ANSI styles of the human diagnostic form (the colours rustc uses): errors red, warnings
/// yellow, notes green, help cyan, the gutter blue, messages bold. `plain` adds nothing.
struct DiagnosticStyle {
    let enabled: Bool

    static let plain = DiagnosticStyle(enabled: false)

    private func wrap(_ s: String, _ sgr: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(sgr)m\(s)\u{1B}[0m" : s
    }

    func severity(_ s: String, _ severity: Severity) -> String { wrap(s, Self.code(severity)) }
    func caret(_ s: String, _ severity: Severity) -> String { wrap(s, Self.code(severity)) }
    func message(_ s: String) -> String { wrap(s, "1") }
    func gutter(_ s: String) -> String { wrap(s, "1;34") }
    func help(_ s: String) -> String { wrap(s, "1;36") }
    func note(_ s: String) -> String { wrap(s, "1;32") }

    private static func code(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .note: return "1;32"
        }
    }
}
