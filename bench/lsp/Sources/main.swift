// The language server alone (no argument parsing, no other commands), so the benchmark's
// release build compiles only what the server uses. Same code as `segmint lsp`.
import SegmintLSP
#if canImport(Glibc)
import Glibc
#endif

exit(LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO).run())
