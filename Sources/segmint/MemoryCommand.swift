import ArgumentParser
import SegmintDriver

/// `segmint memory list|forget`: the answers `ask` remembers per tenant and user.
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "List or forget remembered answers to clarification questions.",
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

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List remembered answers.")
        @OptionGroup var scope: Scope
        @Flag(name: .long, help: "Every user of the tenant.")
        var allUsers = false
        @Option(name: .long, help: "human or json.")
        var format = "human"
        func run() throws {
            finish(runMemoryList(tenant: scope.tenant, user: scope.user, allUsers: allUsers, memory: scope.memory, format: format))
        }
    }

    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "forget", abstract: "Forget one answer (KEY) or all of a user's.")
        @Argument(help: "The question key, e.g. window:recently.")
        var key: String?
        @Flag(name: .long, help: "Forget every answer of the user in the tenant.")
        var all = false
        @OptionGroup var scope: Scope
        func run() throws {
            finish(runMemoryForget(key: key, all: all, tenant: scope.tenant, user: scope.user, memory: scope.memory))
        }
    }
}
