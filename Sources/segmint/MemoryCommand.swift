import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint memory list|forget`: the answers `ask` remembers per tenant and user.
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "List or forget remembered answers to clarification questions.",
        discussion: """
            Examples:
              segmint memory list --tenant acme --format json
              segmint memory forget window:recently --tenant acme
            """,
        subcommands: [List.self, Forget.self]
    )

    struct Scope: ParsableArguments {
        @Option(name: .long, help: "Tenant namespace (default: default).")
        var tenant: String?
        @Option(name: .long, help: "User (default: $SEGMINT_USER or $USER).")
        var user: String?
        @Option(name: .long, help: "Memory store: a SQLite path, sqlite:PATH or postgres://….")
        var memory: String?
    }

    struct List: SegmintCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List remembered answers.",
            discussion: """
                Example:
                  segmint memory list --all-users --format json
                """)
        @OptionGroup var scope: Scope
        @Flag(name: .long, help: "Every user of the tenant.")
        var allUsers = false
        @OptionGroup var output: FormatOption
        @OptionGroup var terminal: TerminalOptions
        func execute() -> CommandOutput {
            runMemoryList(tenant: scope.tenant, user: scope.user, allUsers: allUsers, memory: scope.memory, format: output.format.rawValue)
        }
    }

    struct Forget: SegmintCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget", abstract: "Forget one answer (KEY) or all of a user's.",
            discussion: """
                Example:
                  segmint memory forget window:recently
                """)
        @Argument(help: "The question key, e.g. window:recently.")
        var key: String?
        @Flag(name: .long, help: "Forget every answer of the user in the tenant.")
        var all = false
        @OptionGroup var scope: Scope
        @OptionGroup var terminal: TerminalOptions
        func execute() -> CommandOutput {
            runMemoryForget(key: key, all: all, tenant: scope.tenant, user: scope.user, memory: scope.memory)
        }
    }
}
