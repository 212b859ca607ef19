import Foundation
import SegmintCore
import SegmintIDE

/// A JSON-RPC error the server answers with.
struct RPCError: Error {
    var code: Int
    var message: String

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestFailed = -32803
    static let requestCancelled = -32800
}

/// `segmint lsp`: the Language Server Protocol 3.17 over a pair of file descriptors.
///
/// A reader thread parses frames and JSON and notes `$/cancelRequest`; the loop on the calling
/// thread handles messages one at a time, in order. Diagnostics are published when the inbox is
/// empty, so a burst of edits is checked once, for the last text.
public final class LanguageServer {
    let host = AnalysisHost()
    let reader: FrameReader
    let writer: FrameWriter
    let inbox = Inbox()
    let cancelled = CancelledRequests()
    var encoding: PositionEncoding = .utf16
    var initialized = false
    var shutdownRequested = false
    /// URIs whose diagnostics must be published again, in the order they were marked (the
    /// document just edited first, then those that reference it).
    var pending: [String] = []
    /// The catalog URI diagnostics were last published for (cleared when the catalog moves).
    var publishedCatalogURI: String?
    /// The URI spelling each client document used, by normalized URI (answers use the client's).
    var clientURIs: [String: String] = [:]
    /// Whether the client can take dynamic registration of watched files.
    var canWatchFiles = false
    var nextOutgoingID = 1

    public init(input: Int32, output: Int32) {
        reader = FrameReader(fd: input)
        writer = FrameWriter(fd: output)
    }

    /// Serves until `exit` or end of input. Returns the process exit code: 0 after `shutdown`, else 1.
    public func run() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let thread = Thread { [reader, inbox, cancelled] in Self.readLoop(reader, inbox, cancelled) }
        thread.stackSize = 1 << 22
        thread.start()
        while true {
            // One document at a time, so a message that arrives meanwhile is not kept waiting long.
            while inbox.isEmpty, !pending.isEmpty { publishNext() }
            switch inbox.pop() {
            case .end: return shutdownRequested ? 0 : 1
            case .unreadable(let why): sendError(id: nil, RPCError(code: RPCError.parseError, message: why))
            case .message(let m):
                if let code = handle(m) { return code }
            }
        }
    }

    static func readLoop(_ reader: FrameReader, _ inbox: Inbox, _ cancelled: CancelledRequests) {
        while true {
            switch reader.next() {
            case .end:
                inbox.push(.end)
                return
            case .malformed(let why):
                inbox.push(.unreadable("malformed message: \(why)"))
            case .message(let body):
                guard let json = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
                    let valid = String(validating: body, as: UTF8.self) != nil
                    inbox.push(.unreadable(valid ? "the message is not valid JSON" : "the message is not valid UTF-8"))
                    continue
                }
                // Cancellation must overtake the queue: it is noted here, not handled in order.
                if let obj = json as? JSONObject, obj["method"] as? String == "$/cancelRequest" {
                    cancelled.add((obj["params"] as? JSONObject)?["id"])
                    continue
                }
                inbox.push(.message(json))
            }
        }
    }

    // MARK: - Dispatch

    /// Handles one message; returns an exit code when the server must stop.
    func handle(_ message: Any) -> Int32? {
        guard let obj = message as? JSONObject else {
            sendError(id: nil, RPCError(code: RPCError.invalidRequest, message: "a message must be a JSON object"))
            return nil
        }
        let id = obj["id"]
        guard let method = obj["method"] as? String else {
            // A response to a request of ours (registration): nothing to do. Anything else is invalid.
            if id == nil || (obj["result"] == nil && obj["error"] == nil) {
                sendError(id: id, RPCError(code: RPCError.invalidRequest, message: "a message needs a method"))
            }
            return nil
        }
        let params = obj["params"]
        if method == "exit" { return shutdownRequested ? 0 : 1 }
        guard obj.keys.contains("id") else {
            if initialized, !shutdownRequested { notification(method, params) }
            return nil
        }
        guard CancelledRequests.key(id) != nil else {
            sendError(id: nil, RPCError(code: RPCError.invalidRequest, message: "a request id must be a number or a string"))
            return nil
        }
        if cancelled.take(id) {
            sendError(id: id, RPCError(code: RPCError.requestCancelled, message: "request cancelled"))
            return nil
        }
        do {
            if method != "initialize", !initialized {
                throw RPCError(code: RPCError.serverNotInitialized, message: "the server is not initialized")
            }
            if shutdownRequested { throw RPCError(code: RPCError.invalidRequest, message: "the server is shut down") }
            let result = try request(method, params)
            send(["jsonrpc": "2.0", "id": id ?? NSNull(), "result": result ?? NSNull()])
        } catch let e as RPCError {
            sendError(id: id, e)
        } catch {
            sendError(id: id, RPCError(code: RPCError.internalError, message: "\(error)"))
        }
        return nil
    }

    // MARK: - Output

    func send(_ object: JSONObject) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else {
            FileHandle.standardError.write("segmint lsp: could not encode a message\n".data(using: .utf8) ?? Data())
            return
        }
        writer.write([UInt8](data))
    }

    func sendError(id: Any?, _ e: RPCError) {
        send(["jsonrpc": "2.0", "id": id ?? NSNull(), "error": ["code": e.code, "message": e.message]])
    }

    func notify(_ method: String, _ params: JSONObject) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Whether the client declared `completionItem.snippetSupport`.
    var clientSnippets = false

    var proto: Proto { Proto(host: host, encoding: encoding, snippets: clientSnippets) }

    /// The URI as the client spells it.
    func clientURI(_ uri: String) -> String { clientURIs[uri] ?? uri }

    // MARK: - Diagnostics

    func markAllOpen() {
        for uri in host.openSegURIs { mark(uri) }
        if let c = host.catalogState.uri { mark(c) }
    }

    func mark(_ uri: String) {
        if !pending.contains(uri) { pending.append(uri) }
    }

    /// Publishes the diagnostics of the first marked document.
    func publishNext() {
        guard !pending.isEmpty else { return }
        let uri = pending.removeFirst()
        let catalogURI = host.catalogState.uri
        if let old = publishedCatalogURI, old != catalogURI {
            notify("textDocument/publishDiagnostics", ["uri": clientURI(old), "diagnostics": [Any]()])
            publishedCatalogURI = nil
        }
        if uri == catalogURI {
            guard let c = proto.converter(uri) else { return }
            notify("textDocument/publishDiagnostics",
                   ["uri": clientURI(uri), "diagnostics": host.catalogDiagnostics().map { proto.diagnostic($0, c) }])
            publishedCatalogURI = uri
            return
        }
        guard let doc = host.document(uri), let version = doc.version, let c = proto.converter(uri) else { return }
        notify("textDocument/publishDiagnostics",
               ["uri": clientURI(uri), "version": version, "diagnostics": host.diagnostics(uri).map { proto.diagnostic($0, c) }])
    }
}
