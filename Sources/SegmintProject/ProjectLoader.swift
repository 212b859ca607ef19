import SegmintCore
import SegmintSQL
import Yams

/// The loader's product: a project, or nil and the diagnostics that say why.
public struct ProjectLoadResult: Sendable {
    public var project: Project?
    public var diagnostics: [Diagnostic]
    /// The file could not be read at all (exit 2, not 1).
    public var isIOFailure: Bool { diagnostics.contains { $0.code == ProjectCode.unreadable } }
}

/// Reads `segmint.yaml` (docs/project.md), collecting every problem of the file in one pass.
public enum ProjectLoader {
    /// Finds the nearest project file at or above `directory` and loads it; nil when there is none.
    public static func discover(from directory: String, sources: SourceMap) -> ProjectLoadResult? {
        ProjectLocator.find(from: directory).map {
            load(path: $0, sources: sources, display: CatalogResolver.relativePath($0, from: directory))
        }
    }

    /// Loads the file at `path` (absolute or relative to the process's directory).
    /// `display` names the file in messages (default: `path`).
    public static func load(path: String, sources: SourceMap, display: String? = nil) -> ProjectLoadResult {
        let bytes: [UInt8]
        do { bytes = try FileInput.read(path) } catch {
            return ProjectLoadResult(project: nil, diagnostics: [
                Diagnostic(code: ProjectCode.unreadable, message: "\(error)", help: "`segmint init` writes a project file",
                           location: .init(file: path)),
            ])
        }
        return load(bytes: bytes, path: path, sources: sources, display: display)
    }

    /// Loads project text already read; `path` names it and locates its directory.
    public static func load(bytes: [UInt8], path: String, sources: SourceMap, display: String? = nil) -> ProjectLoadResult {
        let (doc, root) = YAMLDocument.parse(bytes: bytes, path: display ?? path, sources: sources, notText: ProjectCode.notText,
                                             syntax: ProjectCode.yamlSyntax, shape: ProjectCode.wrongShape)
        guard let root else { return ProjectLoadResult(project: nil, diagnostics: doc.diagnostics) }
        var project = Project(path: display ?? path, root: directory(of: path))
        project.source = doc.file
        read(root, into: &project, doc: doc)
        return ProjectLoadResult(project: doc.diagnostics.hasErrors ? nil : project, diagnostics: doc.diagnostics)
    }

    private static func read(_ root: Node, into p: inout Project, doc: YAMLDocument) {
        guard let entries = doc.entries(root, what: "the project file") else { return }
        var catalogNode: Node?
        for (key, keyNode, value) in entries {
            if llmKeys.contains(key) { continue }
            guard doc.known(key, keyNode, in: projectKeys + llmKeys.sorted(), what: "the project file", code: ProjectCode.unknownKey) else { continue }
            switch key {
            case "name": p.name = doc.string(value, key: key)?.value
            case "catalog":
                catalogNode = keyNode
                if let s = doc.string(value, key: key) { p.catalogs.append(("default", s)) }
            case "catalogs":
                if let node = catalogNode {
                    doc.error("give either \"catalog\" or \"catalogs\", not both", keyNode, help: "\"catalog\" is at \(doc.file.path):\(doc.file.location(of: doc.span(node).start).line)")
                }
                readTenants(value, into: &p, doc: doc)
            case "default_tenant": p.defaultTenant = doc.string(value, key: key)?.value
            case "segments": if let dirs = doc.strings(value, key: key) { p.segmentDirectories = dirs }
            case "dialects": readDialects(value, into: &p, doc: doc)
            case "as_of": readAsOf(value, into: &p, doc: doc)
            case "target": if let s = doc.string(value, key: key) { p.target = s.value }
            case "snapshots": if let s = doc.string(value, key: key) { p.snapshots = s.value }
            case "tests": if let s = doc.string(value, key: key) { p.tests = s.value }
            default: break
            }
        }
        if let t = p.defaultTenant, !p.catalogs.contains(where: { $0.tenant == t }),
           let node = entries.first(where: { $0.key == "default_tenant" })?.value {
            doc.error("default_tenant \"\(t)\" is not one of the catalogs", node, code: ProjectCode.unknownTenant,
                      help: "tenants: " + p.catalogs.map(\.tenant).joined(separator: ", "))
        }
    }

    private static func readTenants(_ value: Node, into p: inout Project, doc: YAMLDocument) {
        guard let tenants = doc.entries(value, what: "\"catalogs\" (tenant: catalog path)") else { return }
        if tenants.isEmpty { doc.error("\"catalogs\" lists no tenant", value) }
        for (tenant, _, path) in tenants {
            if let s = doc.string(path, key: "catalogs.\(tenant)") { p.catalogs.append((tenant, s)) }
        }
    }

    private static func readDialects(_ value: Node, into p: inout Project, doc: YAMLDocument) {
        guard let names = doc.strings(value, key: "dialects") else { return }
        var out: [Dialect] = []
        for n in names {
            guard let d = Dialect(rawValue: n.value) else {
                let all = Dialect.allCases.map(\.rawValue)
                let hint = Suggest.closest(to: n.value, in: all).map { "did you mean \"\($0)\"? " } ?? ""
                doc.diagnostics.append(.error(ProjectCode.unknownDialect, "unknown dialect \"\(n.value)\"", at: n.span,
                                              help: hint + "dialects: " + all.joined(separator: ", ")))
                continue
            }
            if !out.contains(d) { out.append(d) }
        }
        if names.isEmpty { doc.error("\"dialects\" lists no dialect", value, code: ProjectCode.unknownDialect) }
        p.dialects = out
    }

    private static func readAsOf(_ value: Node, into p: inout Project, doc: YAMLDocument) {
        guard let s = doc.string(value, key: "as_of") else { return }
        if s.value == "current" { p.asOf = nil; return }
        guard let d = CivilDate(iso: s.value) else {
            doc.diagnostics.append(.error(ProjectCode.badAsOf, "as_of must be `current` or a date YYYY-MM-DD, not \"\(s.value)\"", at: s.span))
            return
        }
        p.asOf = d
    }

    /// The absolute directory of `path`.
    static func directory(of path: String) -> String {
        let abs = ProjectLocator.absolute(path)
        guard let cut = abs.lastIndex(of: "/") else { return "/" }
        return cut == abs.startIndex ? "/" : String(abs[..<cut])
    }
}
