import SegmintSyntax
import Foundation
import SegmintCore
import SegmintCatalog
import SegmintSQL
import SegmintNL
import SegmintLLM

/// The arguments of `segmint ask`, as the executable parsed them.
public struct AskArguments: Sendable {
    public var request: String
    /// `--catalog PATH`; when nil, `--tenant T` selects `catalogs/T.yaml`.
    public var catalog: String?
    public var tenant: String?
    public var out: String?
    public var sql: Bool
    public var dialect: String?
    public var offline: Bool
    public var trace: String?
    /// `--answer KEY=VALUE`, in order.
    public var answers: [String]
    /// `--memory URL` (default: SQLite under `$SEGMINT_HOME` or `~/.segmint`).
    public var memory: String?
    public var user: String?
    /// `--prompts DIR` (default: `$SEGMINT_PROMPTS`, else the prompts built into the binary).
    public var prompts: String?
    /// `--timeout SECONDS`: the whole request's budget with a model (default `deadline_s`).
    public var timeout: Double?
    /// `--format json`: one object on stdout (see `askJSON`).
    public var json = false

    public init(request: String, catalog: String? = nil, tenant: String? = nil, out: String? = nil, sql: Bool = false,
                dialect: String? = nil, offline: Bool = false, trace: String? = nil, answers: [String] = [],
                memory: String? = nil, user: String? = nil, prompts: String? = nil, timeout: Double? = nil) {
        self.request = request; self.catalog = catalog; self.tenant = tenant; self.out = out; self.sql = sql
        self.dialect = dialect; self.offline = offline; self.trace = trace; self.answers = answers
        self.memory = memory; self.user = user; self.prompts = prompts; self.timeout = timeout
    }
}

/// `segmint ask "…"`: natural language → checked `.seg` (and SQL on request).
///
/// Exit codes: 0 a checked segment; 1 could not be grounded (the unmapped words on stderr);
/// 2 usage or I/O error, or the configured model could not answer (no offline fallback); 3 clarification questions (JSON on stdout) when not interactive;
/// 4 not a segment request (one-line reason on stderr, nothing on stdout).
/// `model` is the LLM layer (nil: none configured → the offline translator, with a notice);
/// `interactive` asks one question on a terminal.
public func runAsk(_ a: AskArguments, model: StageModel?, interactive: (@Sendable (Question) async -> String?)? = nil,
                   progress: @escaping @Sendable (String) -> Void = { _ in }) async -> CommandOutput {
    func usage(_ m: String) -> CommandOutput { .usage(CLICode.usage, m) }
    let request = a.request.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !request.isEmpty else { return usage("ask needs a request, e.g. segmint ask \"gold tier members\" --catalog catalogs/retail.yaml") }
    var answers: [String: String] = [:]
    for pair in a.answers {
        guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { return usage("--answer takes KEY=VALUE, got \(JSON.string(pair))") }
        answers[String(pair[..<eq]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
    }
    var dialect: Dialect?
    if a.sql {
        let name = a.dialect ?? "postgres"
        guard let d = Dialect(rawValue: name) else {
            return usage("unknown dialect \(JSON.string(name)); use one of \(Dialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        dialect = d
    } else if a.dialect != nil {
        return usage("--dialect needs --sql")
    }
    if let t = a.timeout, !(t > 0) { return usage("--timeout takes a positive number of seconds") }
    if let t = a.tenant, !isTenantName(t) { return usage("tenant names use letters, digits, _ and - only, got \(JSON.string(t))") }
    // --catalog, else SEGMINT_CATALOG or the project file (docs/project.md), else catalogs/<tenant>.yaml.
    let catalogPath: String
    if let c = a.catalog {
        catalogPath = c
    } else {
        switch resolveCatalog(nil, tenant: a.tenant) {
        case .success(let p): catalogPath = p
        case .failure(let out):
            guard let t = a.tenant else { return out }
            catalogPath = "catalogs/\(t).yaml"
        }
    }

    let sources = SourceMap()
    let loaded = CatalogLoader.load(path: catalogPath, sources: sources)
    guard let catalog = loaded.catalog else {
        let rendered = DiagnosticRenderer(sources: sources).human(loaded.diagnostics)
        let unreadable = !FileManager.default.fileExists(atPath: catalogPath)
        return CommandOutput(exitCode: unreadable ? 2 : 1, stderr: rendered + "segmint: cannot load catalog \(catalogPath)\n")
    }

    var stderr = ""
    var memory: MemoryStore?
    let memoryURL = a.memory ?? MemoryStores.defaultURL()
    do { memory = try MemoryStores.open(memoryURL) } catch {
        if a.memory != nil { return usage("cannot open memory store: \(error)") }
        stderr += "segmint: warning: memory store unavailable (\(error)); answers will not be remembered\n"
    }

    // Prompts: --prompts DIR, else $SEGMINT_PROMPTS, else the copy built into the binary. A
    // directory that was asked for and cannot be used is an error, not a quiet fallback.
    var prompts: PromptSet?
    if !a.offline, model != nil {
        do { prompts = try PromptSet.resolve(directory: a.prompts) } catch { return usage("\(error)") }
    }

    let env = ProcessInfo.processInfo.environment
    let session = AskSession(model: a.offline ? nil : model, prompts: prompts, memory: memory,
                             interactive: interactive, progress: progress)
    let outcome = await session.run(AskRequest(text: request, catalog: catalog, tenant: a.tenant ?? "default",
                                               user: a.user ?? env["SEGMINT_USER"] ?? env["USER"] ?? "default",
                                               offline: a.offline, answers: answers, sqlDialect: dialect, timeout: a.timeout))
    for m in outcome.messages { stderr += "segmint: \(m)\n" }
    if let t = a.trace {
        // Appended: with an LLM configured the client's trace writer logs each attempt to the same file.
        if let e = appendTrace(AskSession.traceLines(outcome.trace), to: t) {
            stderr += "segmint: warning: cannot write trace \(t): \(e)\n"
        }
    }
    switch outcome.exitCode {
    case 0:
        guard let produced = outcome.seg else { return CommandOutput(exitCode: 1, stderr: stderr) }
        let seg = canonicalLayout(produced)
        var stdout = ""
        if let out = a.out {
            do { try AtomicFile.write(seg, to: out) } catch {
                return .failure(2, after: stderr, [.error(CLICode.cannotWrite, "\(error)", at: nil)])
            }
            stderr += "segmint: wrote \(out)\n"
        } else if outcome.sql == nil {
            stdout = seg
        }
        if let sql = outcome.sql { stdout += sql.hasSuffix("\n") ? sql : sql + "\n" }
        if a.json { stdout = askJSON(exitCode: 0, seg: seg, sql: outcome.sql, out: a.out, messages: outcome.messages) }
        return CommandOutput(exitCode: 0, stdout: stdout, stderr: stderr)
    case 3:
        return CommandOutput(exitCode: 3, stdout: outcome.questionsJSON ?? "", stderr: stderr)
    default:
        let stdout = a.json ? askJSON(exitCode: outcome.exitCode, seg: nil, sql: nil, out: nil, messages: outcome.messages) : ""
        return CommandOutput(exitCode: outcome.exitCode, stdout: stdout, stderr: stderr)
    }
}

/// Tenant names become file names (`catalogs/T.yaml`): no paths, no dots.
func isTenantName(_ t: String) -> Bool {
    !t.isEmpty && t.count <= 64 && t.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" }
}

/// A clarification question, for executables that ask on a terminal.
public typealias AskQuestion = Question
/// The LLM layer as `ask` uses it.
public typealias AskModel = StageModel

/// Appends stage trace lines to `path`, creating it; returns an error message on failure.
func appendTrace(_ text: String, to path: String) -> String? {
    let fm = FileManager.default
    if !fm.fileExists(atPath: path) {
        do { try AtomicFile.write(text, to: path) } catch { return "\(error)" }
        return nil
    }
    guard let h = FileHandle(forWritingAtPath: path) else { return "cannot open for appending" }
    defer { try? h.close() }
    do { try h.seekToEnd(); try h.write(contentsOf: Data(text.utf8)) } catch { return "\(error)" }
    return nil
}

/// The configured `LLMClient` as a plain provider (nil without providers), for commands other
/// than `ask` that need a model (`catalog enrich`).
public func makeLLMProvider(configPath: String?, tracePath: String?, noCache: Bool = false) -> (provider: (any LLMProvider)?, error: String?) {
    do {
        let client = try LLMSetup.makeClient(configPath: configPath, noCache: noCache, tracePath: tracePath)
        return (client.config.providers.isEmpty ? nil : client, nil)
    } catch {
        return (nil, "\(error)")
    }
}

/// The checked `.seg` in `fmt`'s canonical layout (tags in one column), so a user's later
/// `segmint fmt` changes nothing. The text already passed the checker; if it somehow does not
/// parse cleanly, it is returned as produced.
func canonicalLayout(_ text: String) -> String {
    let source = SourceFile(id: 0, path: "<ask>", text: text)
    let parsed = Parser.parse(source)
    guard !parsed.diagnostics.hasErrors else { return text }
    return Formatter.format(parsed.file, source: source)
}
