import SegmintCore
import SegmintCheck
import SegmintSQL
#if canImport(Glibc)
import Glibc
#endif

/// Snapshot tests (docs/project.md): each segment's SQL in each dialect against
/// `<snapshots>/<dialect>/<segment>.sql`. `update` writes missing and changed snapshots and
/// removes stale ones; without it they are failures (stale ones warnings).
public enum SnapshotTests {
    public struct Outcome {
        public var results: [TestCaseResult] = []
        public var diagnostics: [Diagnostic] = []
        /// Snapshots written or removed by `update`.
        public var updated: [String] = []
    }

    /// `display` is the snapshot directory as shown to the user.
    public static func run(program: CheckedProgram, dialects: [Dialect], asOf: CivilDate?, directory: String, display: String,
                           update: Bool, sources: SourceMap) -> Outcome {
        var out = Outcome()
        for d in dialects {
            var expected = Set<String>()
            for s in program.segments {
                let rel = "\(d.rawValue)/\(s.name).sql"
                expected.insert(s.name + ".sql")
                let shown = display + "/" + rel
                switch SQLCompiler.compile(program, segment: s.name, options: CompileOptions(dialect: d, asOf: asOf)) {
                case .failure(let f):
                    out.results.append(.init(kind: .snapshot, name: "\(d.rawValue)/\(s.name)", failure: f.diagnostics.map(\.message).joined(separator: "\n")))
                case .success(let sql):
                    out.results.append(compare(sql, path: directory + "/" + rel, shown: shown, name: "\(d.rawValue)/\(s.name)", update: update,
                                               sources: sources, outcome: &out))
                }
            }
            for stale in listSQL(directory + "/" + d.rawValue) where !expected.contains(stale) {
                let shown = display + "/\(d.rawValue)/\(stale)"
                if update {
                    unlink(directory + "/\(d.rawValue)/\(stale)")
                    out.updated.append("removed " + shown)
                } else {
                    out.diagnostics.append(Diagnostic(code: ProjectCode.staleSnapshot, severity: .warning,
                                                      message: "stale snapshot \(shown): no segment \(stale.dropLast(4)) in the project",
                                                      help: "`segmint test --update` removes it", location: .init(file: shown)))
                }
            }
        }
        return out
    }

    static func compare(_ sql: String, path: String, shown: String, name: String, update: Bool, sources: SourceMap,
                        outcome: inout Outcome) -> TestCaseResult {
        let existing = try? FileInput.read(path)
        if let bytes = existing, let problem = NonText.find(in: bytes) {
            let file = sources.add(path: shown, bytes: bytes)
            outcome.diagnostics.append(.error(ProjectCode.goldenNotText, "snapshot \(shown) is not UTF-8 text",
                                              at: Span(file: file.id, start: problem.offset, end: problem.offset + 1),
                                              help: "`segmint test --update` replaces it with the compiled SQL"))
            if !update { return .init(kind: .snapshot, name: name, failure: "snapshot \(shown) is not UTF-8 text", code: ProjectCode.goldenNotText) }
        }
        let text = existing.flatMap { NonText.find(in: $0) == nil ? String(decoding: $0, as: UTF8.self) : nil }
        if text == sql { return .init(kind: .snapshot, name: name, failure: nil) }
        if update {
            do {
                try Files.makeDirectories(ProjectLoader.directory(of: path))
                try AtomicFile.write(Array(sql.utf8), to: path, durable: false)
                outcome.updated.append((existing == nil ? "wrote " : "updated ") + shown)
                return .init(kind: .snapshot, name: name, failure: nil)
            } catch {
                outcome.diagnostics.append(Diagnostic(code: ProjectCode.writeFailed, message: "\(error)"))
                return .init(kind: .snapshot, name: name, failure: "cannot write \(shown)")
            }
        }
        guard let text else {
            return .init(kind: .snapshot, name: name, failure: "no snapshot \(shown) (`segmint test --update` writes it)",
                         code: ProjectCode.missingSnapshot)
        }
        let diff = UnifiedDiff.diff(old: text, new: sql, oldName: shown, newName: "compiled \(name)")
        return .init(kind: .snapshot, name: name, failure: "SQL differs from \(shown)\n" + diff, code: ProjectCode.snapshotMismatch)
    }

    /// The `*.sql` file names directly in `dir` (none when it does not exist).
    static func listSQL(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { p in p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name.hasSuffix(".sql"), !name.hasPrefix(".") { out.append(name) }
        }
        return out.sorted()
    }
}
