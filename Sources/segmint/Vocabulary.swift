import SegmintCore
import ArgumentParser
import SegmintDriver

// The one registry of option values. Help ("values: …") and the completion scripts read
// `allValueStrings` from these types, so a value added here is listed and completed everywhere.

/// `--format` of commands that print a report: `human` (the default) or `json`.
/// `text`, the spelling `explain` and `recommend` used before, still means `human`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case human, json

    init?(argument: String) {
        if argument == "text" { self = .human } else { self.init(rawValue: argument) }
    }
}

/// `--format` of commands that print rows (`run`, `overlap`): `table` (the default, also
/// spelled `human`), `csv` or `json`.
enum RowsFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, human

    init?(argument: String) {
        if argument == "text" { self = .human } else { self.init(rawValue: argument) }
    }

    static var allValueStrings: [String] { ["table", "csv", "json", "human"] }

    /// The row layout the driver prints: `human` is the table.
    var rows: String { self == .human ? "table" : rawValue }
}

/// `--dialect`: any text is taken here so the compiler answers an unknown name with a
/// did-you-mean; help and completions list the dialects the SQL backend has.
struct DialectName: ExpressibleByArgument {
    var name: String
    init?(argument: String) { name = argument }
    init(_ name: String) { self.name = name }
    static var allValueStrings: [String] { dialectNames }
    static var defaultCompletionKind: CompletionKind { .list(dialectNames) }
    var defaultValueDescription: String { name }
}

extension ColorChoice: ExpressibleByArgument {}

/// Shells `segmint completions` writes scripts for.
enum Shell: String, CaseIterable, ExpressibleByArgument {
    case bash, zsh, fish

    var completionShell: CompletionShell {
        switch self {
        case .bash: return .bash
        case .zsh: return .zsh
        case .fish: return .fish
        }
    }
}
