import SegmintCore
import SegmintSQL
import SegmintProject

/// `segmint init [DIR] [--catalog PATH] [--dialect D …]`: writes a commented `segmint.yaml`
/// (docs/project.md) and creates `segments/` when missing. Refuses to overwrite an existing
/// project file (exit 2). Exit 0 written.
public func runInit(directory: String?, catalog: String?, dialects: [String],
                    environment: CommandEnvironment = .process) -> CommandOutput {
    let dir = directory.map { $0.hasPrefix("/") ? $0 : environment.workingDirectory + "/" + $0 } ?? environment.workingDirectory
    let path = dir + "/" + ProjectLocator.fileName
    let shown = directory.map { $0 + "/" + ProjectLocator.fileName } ?? ProjectLocator.fileName
    for name in dialects where Dialect(rawValue: name) == nil { return unknownDialect(name) }
    if (try? FileInput.read(path)) != nil {
        return CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: SourceMap()).human([
            Diagnostic(code: ProjectCode.exists, message: "\(shown) already exists; not overwriting it",
                       help: "edit it, or remove it and run `segmint init` again"),
        ]))
    }
    let text = ProjectTemplate.text(catalog: catalog, dialects: dialects.isEmpty ? ["postgres"] : dialects)
    do {
        try ProjectTemplate.makeDirectory(dir + "/segments")
        try AtomicFile.write(text, to: path)
    } catch {
        return CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: SourceMap()).human([
            Diagnostic(code: ProjectCode.writeFailed, message: "\(error)"),
        ]))
    }
    return CommandOutput(exitCode: 0, stderr: "wrote \(shown); put .seg files in segments/ and run `segmint build`\n")
}
