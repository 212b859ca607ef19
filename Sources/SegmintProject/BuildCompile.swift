import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintLLM

/// The compiled part of a build: the new state and the outputs of the segments compiled.
struct CompiledBuild {
    var state: BuildState
    /// Path relative to the output root it belongs to → bytes.
    var outputs: [(path: String, bytes: [UInt8])] = []
    var dbtModels: [(path: String, bytes: [UInt8])] = []
    /// Segments of the old state that no longer exist.
    var removed: [String] = []
}

extension Builder {
    /// Parses and checks the dirty files (with the unchanged files they need), compiles their
    /// segments in every dialect, and merges the result into the previous state.
    mutating func compile(plan: IncrementalPlan, files: [ProjectFile], catalog: PreparedCatalog, key: String) -> CompiledBuild? {
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        var parsed: [SegFile] = []
        var dirtyFileIDs = Set<Int>()
        for f in files where plan.dirty.contains(f.path) {
            guard let file = parse(f) else { continue }
            parsed.append(file.ast)
            dirtyFileIDs.insert(file.id)
        }
        var refs = Set<String>(), declared = Set<String>()
        for file in parsed {
            for s in file.segments {
                declared.insert(s.name.name)
                SegmentReferences.collect(s, into: &refs)
            }
        }
        for path in plan.context(references: refs, declared: declared).sorted() {
            if let f = byPath[path], let file = parse(f) { parsed.append(file.ast) }
        }
        let result = Checker.check(files: parsed, catalog: catalog, options: CheckOptions())
        diagnostics += result.diagnostics
        guard let program = result.program, !result.diagnostics.hasErrors else { return nil }

        var state = BuildState(key: key)
        state.files = Dictionary(uniqueKeysWithValues: files.map {
            ($0.path, BuildState.FileRecord(sha256: $0.sha256, size: $0.size, mtime: $0.mtime))
        })
        if let old = plan.old {
            // Start from the old records (shared storage, no copy) and drop those being redone.
            state.segments = old.segments
            for s in old.segments.values where plan.dirty.contains(s.file) || state.files[s.file] == nil {
                state.segments[s.name] = nil
            }
        }
        var out = CompiledBuild(state: state)
        var hashes = HashMemo(program: program, key: key, old: plan.old, sources: sources)
        for segment in program.segments where dirtyFileIDs.contains(segment.span.file) {
            let path = sources[segment.span.file]?.path ?? ""
            out.state.segments[segment.name] = record(segment, file: path, hash: hashes.hash(segment.name))
            compileOutputs(segment, program: program, into: &out)
        }
        report.compiled = out.state.segments.count - (state.segments.count)
        report.segments = out.state.segments.count
        out.removed = (plan.old?.segments.keys.filter { out.state.segments[$0] == nil } ?? []).sorted()
        return out
    }

    /// Parses one file (after checking it is text); its diagnostics join the build's.
    mutating func parse(_ f: ProjectFile) -> (ast: SegFile, id: Int)? {
        guard let bytes = f.bytes ?? (try? FileInput.read(project.resolve(f.path))) else {
            diagnostics.append(Diagnostic(code: CheckCode.unreadableFile, message: "cannot read \(f.path)", location: .init(file: f.path)))
            return nil
        }
        let file = sources.add(path: f.path, bytes: bytes)
        if let problem = NonText.find(in: bytes) {
            let (code, what): (String, String)
            switch problem {
            case .nul: (code, what) = (CheckCode.binaryFile, "is binary data, not a .seg text file")
            case .invalidUTF8: (code, what) = (CheckCode.invalidUTF8, "is not valid UTF-8")
            }
            diagnostics.append(.error(code, "\(f.path) \(what)",
                                      at: Span(file: file.id, start: problem.offset, end: problem.offset + 1)))
            return nil
        }
        let r = Parser.parse(file)
        diagnostics += r.diagnostics
        return (r.file, file.id)
    }

    func record(_ s: CheckedSegment, file: String, hash: String) -> BuildState.SegmentRecord {
        BuildState.SegmentRecord(
            name: s.name, file: file, hash: hash, dependsOn: s.references.sorted(), title: s.title, description: s.description,
            retrieved: s.groundings.filter { $0.kind == .retrieved }.count,
            inferred: s.groundings.filter { $0.kind == .inferred }.count,
            assumptions: s.assumptions.map { a in a.from.map { "\(a.value) from \"\($0)\"" } ?? a.value })
    }

    /// The segment's SQL in every dialect (and its dbt model); a dialect that cannot express it
    /// is an error at the segment.
    mutating func compileOutputs(_ segment: CheckedSegment, program: CheckedProgram, into out: inout CompiledBuild) {
        for (i, dialect) in options.dialects.enumerated() {
            let opts = CompileOptions(dialect: dialect, asOf: project.asOf)
            switch SQLCompiler.compile(program, segment: segment.name, options: opts) {
            case .success(let sql):
                out.outputs.append(("\(dialect.rawValue)/\(segment.name).sql", Array(sql.utf8)))
                if i == 0, options.dbtDirectory != nil {
                    out.dbtModels.append(("\(segment.name).sql", Array(DbtModel.text(segment, sql: sql, dialect: dialect).utf8)))
                }
            case .failure(let f):
                for var d in f.diagnostics {
                    d.message = "segment \(segment.name) (\(dialect.rawValue)): " + d.message
                    if d.span == nil { d.span = segment.syntax.name.span }
                    diagnostics.append(d)
                }
            }
        }
    }
}

/// Segment hashes: compiler, catalog and as-of (the state key), the segment's own text, and the
/// hashes of the segments it references, so a change anywhere below changes the hash.
struct HashMemo {
    let program: CheckedProgram
    let key: String
    let old: BuildState?
    let sources: SourceMap
    var memo: [String: String] = [:]

    mutating func hash(_ name: String, depth: Int = 0) -> String {
        if let h = memo[name] { return h }
        guard let s = program.segment(named: name), depth < 10_000 else { return old?.segments[name]?.hash ?? "" }
        var h = SHA256()
        h.update(Array(key.utf8) + [0])
        if let file = sources[s.span.file] { h.update(file.bytes[s.span.start..<min(s.span.end, file.bytes.count)]) }
        for dep in s.references.sorted() { h.update([0] + Array(hash(dep, depth: depth + 1).utf8)) }
        let hex = h.finalize().map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        memo[name] = hex
        return hex
    }
}

/// The names a segment references through `in segment`, at any depth.
enum SegmentReferences {
    static func collect(_ s: SegmentDecl, into out: inout Set<String>) {
        if let b = s.include { collect(b, into: &out) }
        if let b = s.exclude { collect(b, into: &out) }
    }

    static func collect(_ b: Block, into out: inout Set<String>) {
        for c in b.conditions { collect(c, into: &out) }
    }

    static func collect(_ c: Condition, into out: inout Set<String>) {
        switch c.kind {
        case .all(let b), .any(let b): collect(b, into: &out)
        case .not(let inner): collect(inner, into: &out)
        case .inSegment(let name): out.insert(name.name)
        case .has, .predicate: break
        }
    }
}
