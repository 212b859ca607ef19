import Foundation
import XCTest
import SegmintCore
@testable import SegmintLSP

/// Runs a `LanguageServer` on a thread, talking to it through two pipes exactly as an editor
/// does over stdio (framed JSON-RPC); a reader thread collects what it sends.
final class ServerHarness {
    let toServer = Pipe()
    let fromServer = Pipe()
    let dir: String
    private let box = Mailbox()
    private var nextID = 1

    /// What the threads share (kept apart from the harness so they do not keep it alive).
    final class Mailbox: @unchecked Sendable {
        let lock = NSCondition()
        var received: [[String: Any]] = []
        var exitCode: Int32?
    }

    static let catalog = """
    name: testcat
    version: 1
    entity: {name: account, table: accounts, key: account_id}
    facets:
      - {name: plan, type: string, values: [free, pro, enterprise], ordered: true}
      - {name: seats, type: int}
    events:
      - name: login
        table: logins
        key: account_id
        time: logged_in_at
        fields:
          - {name: device, type: string, values: [web, ios]}
    """

    init(files: [String: String] = [:]) throws {
        dir = NSTemporaryDirectory() + "segmint-lsp-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try write("catalog.yaml", Self.catalog)
        try write("segmint.yaml", "catalog: catalog.yaml\n")
        for (n, t) in files { try write(n, t) }
        let server = LanguageServer(input: toServer.fileHandleForReading.fileDescriptor,
                                    output: fromServer.fileHandleForWriting.fileDescriptor)
        let serverThread = Thread { [box] in
            let code = server.run()
            box.lock.lock(); box.exitCode = code; box.lock.broadcast(); box.lock.unlock()
        }
        serverThread.stackSize = 1 << 23
        serverThread.start()
        let reader = FrameReader(fd: fromServer.fileHandleForReading.fileDescriptor)
        Thread { [box] in
            while case .message(let body) = reader.next() {
                let obj = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? ["unparsable": true]
                box.lock.lock(); box.received.append(obj); box.lock.broadcast(); box.lock.unlock()
            }
        }.start()
    }

    deinit {
        try? toServer.fileHandleForWriting.close()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func write(_ name: String, _ text: String) throws {
        try AtomicFile.write(Array(text.utf8), to: dir + "/" + name)
    }

    func uri(_ name: String) -> String { "file://" + dir + "/" + name }

    func sendRaw(_ bytes: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ obj: [String: Any]) {
        let body = (try? JSONSerialization.data(withJSONObject: obj)) ?? Data()
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + [UInt8](body))
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and returns its id.
    @discardableResult
    func sendRequest(_ method: String, _ params: [String: Any] = [:]) -> Int {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return id
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: [String: Any] = [:], timeout: Double = 30) -> [String: Any]? {
        let id = sendRequest(method, params)
        return wait(timeout: timeout) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// Waits for (and removes) the first received message matching `match`.
    func wait(timeout: Double = 30, _ match: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        box.lock.lock()
        defer { box.lock.unlock() }
        while true {
            if let i = box.received.firstIndex(where: match) { return box.received.remove(at: i) }
            if !box.lock.wait(until: deadline) { return nil }
        }
    }

    func diagnostics(for name: String, timeout: Double = 30) -> [[String: Any]]? {
        let msg = wait(timeout: timeout) {
            $0["method"] as? String == "textDocument/publishDiagnostics" && ($0["params"] as? [String: Any])?["uri"] as? String == uri(name)
        }
        return (msg?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    func initialize(_ extra: [String: Any] = [:]) {
        var params: [String: Any] = ["rootUri": "file://" + dir, "capabilities": [:] as [String: Any]]
        for (k, v) in extra { params[k] = v }
        _ = request("initialize", params)
        notify("initialized")
    }

    func open(_ name: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri(name), "languageId": "segment", "version": version, "text": text]])
    }

    /// Waits for the server to stop; its exit code, or nil when it did not stop in time.
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        box.lock.lock()
        defer { box.lock.unlock() }
        while box.exitCode == nil { if !box.lock.wait(until: deadline) { break } }
        return box.exitCode
    }

    func closeInput() { try? toServer.fileHandleForWriting.close() }
}

func errorCode(_ response: [String: Any]?) -> Int? { (response?["error"] as? [String: Any])?["code"] as? Int }
func codes(_ diagnostics: [[String: Any]]?) -> [String] { (diagnostics ?? []).compactMap { $0["code"] as? String } }
