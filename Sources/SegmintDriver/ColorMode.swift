/// `--color auto|always|never`: whether diagnostics on stderr use ANSI colour.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never

    /// `always` and `never` are explicit and win; `auto` colours only a terminal, and not when
    /// `NO_COLOR` is set to a non-empty value (no-color.org) or `TERM` is `dumb`.
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
}
