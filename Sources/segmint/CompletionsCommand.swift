import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint completions bash|zsh|fish`: the shell completion script (options, subcommands, and
/// the values of `--format`, `--dialect` and `--color` from `Vocabulary.swift`).
struct CompletionsCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            Examples:
              segmint completions bash > ~/.local/share/bash-completion/completions/segmint
              segmint completions zsh > "${fpath[1]}/_segmint"
              segmint completions fish > ~/.config/fish/completions/segmint.fish
            """)

    @Argument(help: "The shell.")
    var shell: Shell

    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        CommandOutput(exitCode: 0, stdout: Segmint.completionScript(for: shell.completionShell))
    }
}
