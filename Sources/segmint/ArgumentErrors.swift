import ArgumentParser
import SegmintCore
import SegmintDriver

/// Argument errors (unknown option, missing value, bad value, unknown command) as diagnostics,
/// rendered by the same renderer as every other error, with a did-you-mean for commands.
enum ArgumentErrors {
    static func output(for error: Error, arguments: [String]) -> CommandOutput {
        let path = commandPath(arguments)
        if let unknown = unknownCommand(arguments, after: path) {
            return .usage(CLICode.unknownCommand, "unknown command '\(unknown.word)'", help: unknown.help)
        }
        let name = (["segmint"] + path.names).joined(separator: " ")
        let parts = split(Segmint.message(for: error))
        if let advice = parts.advice {
            return .usage(CLICode.usage, parts.message, help: "\(advice) — see '\(name) --help'")
        }
        let usage = Segmint.usageString(for: path.type).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return .usage(CLICode.usage, parts.message, help: "usage: \(usage) — see '\(name) --help'")
    }

    /// ArgumentParser's message as a diagnostic's message (first sentence, lower case, no final
    /// period) and its advice, if it gives one ("Did you mean '--catalog'?", "Please provide
    /// one of 'human' and 'json'.") as the help line.
    static func split(_ text: String) -> (message: String, advice: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func sentence(_ s: Substring) -> String {
            var out = s.trimmingCharacters(in: .whitespaces)
            if out.hasSuffix(".") { out.removeLast() }
            if let first = out.first { out = first.lowercased() + out.dropFirst() }
            return out
        }
        guard !trimmed.isEmpty else { return ("invalid arguments", nil) }
        guard let stop = trimmed.range(of: ". ") else { return (sentence(trimmed[...]), nil) }
        let advice = sentence(trimmed[stop.upperBound...])
        return (sentence(trimmed[..<stop.lowerBound]), advice.isEmpty ? nil : advice)
    }

    /// `--color` as written on a command line that did not parse (auto when absent or unreadable).
    static func colorChoice(_ arguments: [String]) -> ColorChoice {
        var choice = ColorChoice.auto
        for (i, a) in arguments.enumerated() {
            if a.hasPrefix("--color=") {
                choice = ColorChoice(rawValue: String(a.dropFirst("--color=".count))) ?? choice
            } else if a == "--color", i + 1 < arguments.count {
                choice = ColorChoice(rawValue: arguments[i + 1]) ?? choice
            }
        }
        return choice
    }

    /// The subcommands named at the start of `arguments`: their names and the innermost type.
    static func commandPath(_ arguments: [String]) -> (names: [String], type: ParsableCommand.Type) {
        var type: ParsableCommand.Type = Segmint.self
        var names: [String] = []
        for word in arguments {
            guard let sub = type.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            names.append(word)
            type = sub
        }
        return (names, type)
    }

    /// The first argument after the named commands, when it should have been a subcommand but
    /// is not one (a command with subcommands and no work of its own).
    static func unknownCommand(_ arguments: [String], after path: (names: [String], type: ParsableCommand.Type))
        -> (word: String, help: String)? {
        let subs = path.type.configuration.subcommands.map { $0._commandName }
        guard !subs.isEmpty, arguments.count > path.names.count else { return nil }
        let word = arguments[path.names.count]
        guard !word.hasPrefix("-") else { return nil }
        let parent = (["segmint"] + path.names).joined(separator: " ")
        let list = "commands: " + listText(subs, limit: 20)
        if let near = Suggest.closest(to: word, in: subs) {
            return (word, "did you mean '\(parent) \(near)'? \(list)")
        }
        return (word, "\(list) — see '\(parent) --help'")
    }
}
