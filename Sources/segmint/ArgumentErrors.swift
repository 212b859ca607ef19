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
        var message = Segmint.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        if let first = message.first { message = first.lowercased() + message.dropFirst() }
        if message.isEmpty { message = "invalid arguments" }
        let usage = Segmint.usageString(for: path.type).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return .usage(CLICode.usage, message, help: "usage: \(usage) — see '\(name) --help'")
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
