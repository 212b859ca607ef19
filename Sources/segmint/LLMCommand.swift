import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint llm ...`: commands about the LLM set-up.
struct LLMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "Check the LLM providers configured for the natural-language front end.",
        discussion: """
            Example:
              segmint llm ping --provider openai
            """,
        subcommands: [Ping.self]
    )

    /// `segmint llm ping`.
    struct Ping: SegmintCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a tiny request to each configured provider and report latency or the classified error.",
            discussion: """
                Example:
                  segmint llm ping --config segmint.yaml

                Exit status: 0 every provider answered, 2 a provider failed or the configuration is unusable.
                """)

        @Option(name: .long, help: "Ping only this provider (a name from the configuration).")
        var provider: String?

        @Option(name: .long, help: "Configuration file (default: ./segmint.yaml, then ~/.config/segmint/config.yaml, then the environment).")
        var config: String?

        @OptionGroup var output: FormatOption
        @OptionGroup var terminal: TerminalOptions

        func execute() -> CommandOutput {
            runLLMPing(configPath: config, provider: provider, format: output.format.rawValue)
        }
    }
}
