import Foundation
import SegmintCore
import SegmintIDE

extension LanguageServer {
    /// `initialize`: workspace folders, settings, the position encoding, and what the server can do.
    func initialize(_ params: JSONObject) -> JSONObject {
        let caps = params["capabilities"] as? JSONObject
        let general = caps?["general"] as? JSONObject
        if let offered = general?["positionEncodings"] as? [String], offered.contains("utf-8"), !offered.contains("utf-16") || offered.first == "utf-8" {
            encoding = .utf8
        }
        let completion = (caps?["textDocument"] as? JSONObject)?["completion"] as? JSONObject
        clientSnippets = (completion?["completionItem"] as? JSONObject)?["snippetSupport"] as? Bool == true
        let watched = (caps?["workspace"] as? JSONObject)?["didChangeWatchedFiles"] as? JSONObject
        canWatchFiles = watched?["dynamicRegistration"] as? Bool == true

        var roots: [String] = []
        if let folders = params["workspaceFolders"] as? [JSONObject] {
            roots = folders.compactMap { ($0["uri"] as? String).flatMap(DocumentURI.path(of:)) }
        }
        if roots.isEmpty, let uri = params["rootUri"] as? String, let p = DocumentURI.path(of: uri) { roots = [p] }
        if roots.isEmpty, let p = params["rootPath"] as? String, p.hasPrefix("/") { roots = [p] }
        host.setSettings(Self.settings(from: params["initializationOptions"], current: host.settings))
        host.setRoots(roots)
        initialized = true
        markAllOpen()

        let capabilities: JSONObject = [
            "positionEncoding": encoding.rawValue,
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "completionProvider": ["triggerCharacters": [".", "\"", "[", ":", "(", " "], "resolveProvider": false],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "renameProvider": ["prepareProvider": true],
            "documentSymbolProvider": true,
            "documentFormattingProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            "semanticTokensProvider": ["legend": Proto.semanticLegend, "full": true],
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
        ]
        return ["capabilities": capabilities, "serverInfo": ["name": "segmint", "version": "1"]]
    }

    /// Settings from `initializationOptions` or `workspace/didChangeConfiguration` (`{catalog, asOf}`,
    /// also nested under `segmint`). Keys not given keep their value.
    static func settings(from value: Any?, current: IDESettings) -> IDESettings {
        guard var obj = value as? JSONObject else { return current }
        if let nested = obj["segmint"] as? JSONObject { obj = nested }
        var s = current
        if obj.keys.contains("catalog") { s.catalog = obj["catalog"] as? String }
        if obj.keys.contains("asOf") { s.asOf = (obj["asOf"] as? String).flatMap(CivilDate.init(iso:)) }
        return s
    }

    /// Asks the client to tell us about `.seg`, YAML and project-file changes on disk.
    func registerWatchers() {
        guard canWatchFiles else { return }
        let watchers: [JSONObject] = [["globPattern": "**/*.seg"], ["globPattern": "**/*.yaml"], ["globPattern": "**/*.yml"]]
        send(["jsonrpc": "2.0", "id": "segmint-watch-\(nextOutgoingID)", "method": "client/registerCapability",
              "params": ["registrations": [["id": "segmint-watched-files", "method": "workspace/didChangeWatchedFiles",
                                            "registerOptions": ["watchers": watchers]]]]])
        nextOutgoingID += 1
    }

    // MARK: - Notifications

    func notification(_ method: String, _ params: Any?) {
        let p = params as? JSONObject ?? [:]
        let td = p["textDocument"] as? JSONObject
        let uri = td?["uri"] as? String
        switch method {
        case "initialized":
            registerWatchers()
        case "textDocument/didOpen":
            guard let uri, let text = td?["text"] as? String, tracks(uri, languageId: td?["languageId"] as? String) else { return }
            remember(uri)
            changed(uri, host.update(uri: uri, text: text, version: Proto.int(td?["version"]) ?? 0))
        case "textDocument/didChange":
            guard let uri, let doc = host.document(uri), doc.version != nil else { return }
            var bytes = doc.bytes
            for change in p["contentChanges"] as? [JSONObject] ?? [] {
                guard let text = change["text"] as? String else { continue }
                if let range = change["range"] as? JSONObject {
                    let c = PositionConverter(source: SourceFile(id: 0, path: "", bytes: bytes), encoding: encoding)
                    let start = Self.offset(c, range["start"]), end = Self.offset(c, range["end"])
                    guard let start, let end else { continue }
                    bytes.replaceSubrange(min(start, end)..<max(start, end), with: Array(text.utf8))
                } else {
                    bytes = Array(text.utf8)
                }
            }
            changed(uri, host.update(uri: uri, bytes: bytes, version: Proto.int(td?["version"]) ?? (doc.version ?? 0) + 1))
        case "textDocument/didSave":
            guard let uri else { return }
            // Saving the project file may point at another catalog; saving anything else needs nothing new.
            if uri.hasSuffix("/" + ProjectFile.name) { changed(uri, host.fileChanged(uri: uri)) } else { mark(DocumentURI.normalized(uri)) }
        case "textDocument/didClose":
            guard let uri else { return }
            let wasCatalog = host.close(uri: uri)
            let n = DocumentURI.normalized(uri)
            if n != host.catalogState.uri {
                notify("textDocument/publishDiagnostics", ["uri": clientURI(n), "diagnostics": [Any]()])
            }
            pending.removeAll { $0 == n }
            changed(uri, wasCatalog)
        case "workspace/didChangeWatchedFiles":
            var catalog = false
            for change in p["changes"] as? [JSONObject] ?? [] {
                if let u = change["uri"] as? String { catalog = host.fileChanged(uri: u) || catalog }
            }
            // A file another document references may have changed: check every open document again.
            markAllOpen()
            _ = catalog
        case "workspace/didChangeConfiguration":
            host.setSettings(Self.settings(from: p["settings"], current: host.settings))
            markAllOpen()
        case "workspace/didChangeWorkspaceFolders":
            let event = p["event"] as? JSONObject
            let removed = Set((event?["removed"] as? [JSONObject] ?? []).compactMap { ($0["uri"] as? String).flatMap(DocumentURI.path(of:)) })
            let added = (event?["added"] as? [JSONObject] ?? []).compactMap { ($0["uri"] as? String).flatMap(DocumentURI.path(of:)) }
            host.setRoots(host.roots.filter { !removed.contains($0) } + added)
            markAllOpen()
        default:
            break   // Unknown notifications (and `$/…` ones) are ignored, as the spec says.
        }
    }

    /// Documents the server keeps: `.seg` files and the catalog.
    func tracks(_ uri: String, languageId: String?) -> Bool {
        uri.hasSuffix(".seg") || ["segment", "seg", "segmint"].contains(languageId ?? "") || DocumentURI.normalized(uri) == host.catalogState.uri
    }

    func remember(_ uri: String) { clientURIs[DocumentURI.normalized(uri)] = uri }

    /// After a document changed: its diagnostics, and every document's when the catalog changed.
    func changed(_ uri: String, _ catalogChanged: Bool) {
        mark(DocumentURI.normalized(uri))
        if catalogChanged { markAllOpen(); return }
        // Documents that reference segments may reference this one's: check them again.
        for other in host.openSegURIs where host.document(other)?.referencesSegments == true { mark(other) }
    }

    static func offset(_ c: PositionConverter, _ position: Any?) -> Int? {
        guard let p = position as? JSONObject, let line = Proto.int(p["line"]), let ch = Proto.int(p["character"]) else { return nil }
        return c.offset(line: line, character: ch)
    }
}
