import Foundation
import SegmintCore
import SegmintCatalog
import SegmintSyntax

/// Settings an editor can give (LSP `initializationOptions` or `workspace/didChangeConfiguration`).
public struct IDESettings: Sendable, Equatable {
    /// Catalog path; relative paths are taken under the first workspace folder. Overrides `segmint.yaml`.
    public var catalog: String?
    /// The as-of date for windows of segments without their own `as_of` (hover dates, explain).
    public var asOf: CivilDate?
    public init(catalog: String? = nil, asOf: CivilDate? = nil) { self.catalog = catalog; self.asOf = asOf }
}

/// The editor's world: open documents, the workspace's `.seg` files, the catalog, the settings.
/// Features (diagnostics, completion, hover, …) are functions of this state; the protocol layer
/// feeds it edits. Not thread-safe: one thread (the server's loop) owns it.
public final class AnalysisHost {
    public private(set) var settings = IDESettings()
    /// Absolute paths of the workspace folders.
    public private(set) var roots: [String] = []
    /// Open editor buffers by URI (`.seg` files, and the catalog when the editor has it open).
    private(set) var open: [String: Document] = [:]
    /// Workspace `.seg` files that are not open, read from disk.
    private var disk: [String: Document] = [:]
    public private(set) var catalogState = CatalogState.none(AnalysisHost.noCatalogDiagnostic)
    private var nextFileID = 1
    private var index: SegmentIndex?
    /// Static-analysis warnings of unchanged segments, and the catalog version they were found with.
    let staticCache = StaticWarningCache()
    private(set) var catalogGeneration = 0
    /// The as-of of windows when neither a segment nor the settings pin one (tests fix it).
    public var today: () -> CivilDate? = AnalysisHost.todayUTC

    /// Workspace files beyond this many are not read (navigation then covers the first ones).
    public static let maxWorkspaceFiles = 5_000
    /// Workspace files larger than this are not read for navigation.
    public static let maxWorkspaceFileBytes = 8 << 20

    public init() {}

    static let noCatalogDiagnostic = Diagnostic(
        code: IDECode.noCatalog, severity: .warning, message: "no catalog configured: names and values are not checked",
        help: "add catalog: PATH to segmint.yaml in the workspace, or set initializationOptions.catalog")

    // MARK: - Documents

    func makeDocument(uri: String, version: Int?, bytes: [UInt8]) -> Document {
        defer { nextFileID = nextFileID == Int(Int32.max) ? 1 : nextFileID + 1 }
        return Document(uri: uri, version: version, fileID: nextFileID, bytes: bytes)
    }

    /// An editor opened or changed a document (full text). Returns true when the catalog changed.
    @discardableResult
    public func update(uri: String, text: String, version: Int?) -> Bool {
        update(uri: uri, bytes: Array(text.utf8), version: version)
    }

    /// The same with the text as UTF-8 bytes.
    @discardableResult
    public func update(uri: String, bytes: [UInt8], version: Int?) -> Bool {
        let uri = DocumentURI.normalized(uri)
        open[uri] = makeDocument(uri: uri, version: version, bytes: bytes)
        index = nil
        if uri == catalogState.uri { reloadCatalog(); return true }
        return false
    }

    /// An editor closed a document: the file on disk counts again. Returns true when the catalog changed.
    @discardableResult
    public func close(uri: String) -> Bool {
        let uri = DocumentURI.normalized(uri)
        open[uri] = nil
        index = nil
        if uri.hasSuffix(".seg") { readFromDisk(uri) }
        if uri == catalogState.uri { reloadCatalog(); return true }
        return false
    }

    /// A file changed on disk (watched files, a save). Returns true when the catalog changed.
    @discardableResult
    public func fileChanged(uri: String) -> Bool {
        let uri = DocumentURI.normalized(uri)
        index = nil
        if uri.hasSuffix(".seg"), open[uri] == nil { readFromDisk(uri) }
        if uri == catalogState.uri || uri.hasSuffix("/" + ProjectFile.name) { reloadCatalog(); return true }
        return false
    }

    public func document(_ uri: String) -> Document? {
        let uri = DocumentURI.normalized(uri)
        return open[uri] ?? disk[uri]
    }

    /// URIs of the open `.seg` documents.
    public var openSegURIs: [String] { open.keys.filter { $0 != catalogState.uri }.sorted() }

    /// The text of any file a location may point into: a document, or the catalog.
    public func source(of uri: String) -> SourceFile? {
        if let d = document(uri) { return d.source }
        if DocumentURI.normalized(uri) == catalogState.uri { return catalogState.source }
        return nil
    }

    private func readFromDisk(_ uri: String) {
        guard let path = DocumentURI.path(of: uri), let attrs = try? FileManager.default.attributesOfItem(atPath: path),
              (attrs[.size] as? Int ?? 0) <= Self.maxWorkspaceFileBytes,
              let data = FileManager.default.contents(atPath: path) else {
            disk[uri] = nil
            return
        }
        disk[uri] = makeDocument(uri: uri, version: nil, bytes: [UInt8](data))
    }

    // MARK: - Workspace and settings

    /// Sets the workspace folders (absolute paths) and reads their `.seg` files.
    public func setRoots(_ paths: [String]) {
        roots = paths
        rescanWorkspace()
        reloadCatalog()
    }

    public func setSettings(_ s: IDESettings) {
        settings = s
        reloadCatalog()
    }

    /// Reads every `*.seg` under the workspace folders (hidden and build folders skipped).
    public func rescanWorkspace() {
        disk = [:]
        index = nil
        var count = 0
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isDirectoryKey],
                                                              options: [.skipsHiddenFiles, .skipsPackageDescendants]) else { continue }
            for case let url as URL in walker {
                if ["node_modules", ".build", "target"].contains(url.lastPathComponent) { walker.skipDescendants(); continue }
                guard url.pathExtension == "seg", count < Self.maxWorkspaceFiles else { continue }
                count += 1
                let uri = DocumentURI.uri(ofPath: url.standardizedFileURL.path)
                if open[uri] == nil { readFromDisk(uri) }
            }
        }
    }

    /// Finds and loads the catalog: the setting, else the nearest `segmint.yaml` of a workspace folder.
    public func reloadCatalog() {
        index = nil
        catalogGeneration += 1
        if let setting = settings.catalog, !setting.isEmpty {
            let path = setting.hasPrefix("/") ? setting
                : URL(fileURLWithPath: roots.first ?? FileManager.default.currentDirectoryPath).appendingPathComponent(setting).standardizedFileURL.path
            catalogState = load(path: path, origin: "the catalog setting")
            return
        }
        for root in roots {
            guard let project = ProjectFile.find(from: root) else { continue }
            switch ProjectFile.catalogPath(projectFile: project) {
            case .success(let path): catalogState = load(path: path, origin: project)
            case .failure(let e):
                catalogState = .none(Diagnostic(code: IDECode.projectFile, message: e.message,
                                                help: "add catalog: PATH to \(project), or set initializationOptions.catalog"))
            }
            return
        }
        catalogState = .none(Self.noCatalogDiagnostic)
    }

    private func load(path: String, origin: String) -> CatalogState {
        let uri = DocumentURI.uri(ofPath: path)
        return CatalogState.load(path: path, origin: origin, openText: open[uri]?.bytes)
    }

    // MARK: - Segment names across files

    /// Every segment declaration of the open documents and workspace files, by name.
    var segmentIndex: SegmentIndex {
        if let index { return index }
        var docs = open.filter { $0.key != catalogState.uri }
        for (uri, d) in disk where docs[uri] == nil { docs[uri] = d }
        let built = SegmentIndex(documents: docs)
        index = built
        return built
    }
}

/// Segment declarations by name across the workspace (open buffers win over files on disk).
struct SegmentIndex {
    var declarations: [String: [(document: Document, name: Ident)]] = [:]
    /// Documents in a stable order (by URI).
    var documents: [Document] = []

    init(documents docs: [String: Document]) {
        for uri in docs.keys.sorted() {
            guard let d = docs[uri] else { continue }
            documents.append(d)
            for name in d.declarations { declarations[name.name, default: []].append((d, name)) }
        }
    }
}
