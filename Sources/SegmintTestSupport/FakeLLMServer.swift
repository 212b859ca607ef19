import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 (a free port chosen by the kernel) that speaks enough of
/// OpenAI Chat Completions (`POST /v1/chat/completions`) and Anthropic Messages
/// (`POST /v1/messages`) for tests. Each test scripts a queue of replies, including the failures a
/// real provider produces: 429 with Retry-After, 5xx, a hang, malformed JSON, a truncated body and
/// a connection reset. Every request received is recorded. One connection per request
/// (`Connection: close`), one thread per connection.
public final class FakeLLMServer: @unchecked Sendable {
    /// What the server does with the next request.
    public enum Reply: Sendable {
        /// A successful completion with this text, shaped for the protocol of the request path.
        case completion(String, promptTokens: Int? = 7, completionTokens: Int? = 3, model: String? = nil)
        /// Exactly this status, body and headers.
        case raw(status: Int, body: String, headers: [String: String])
        /// 429 with `Retry-After: seconds` (omitted when nil).
        case rateLimited(retryAfter: String?)
        /// A 5xx with a provider-style error body.
        case serverError(status: Int)
        /// A 4xx with a provider-style error body carrying `message`.
        case clientError(status: Int, message: String)
        /// 200 with a body that is not JSON.
        case malformedJSON
        /// Headers promise `declaredLength` bytes, fewer are sent, then the connection closes.
        case truncated(body: String, declaredLength: Int)
        /// Reads the request, then closes with SO_LINGER 0 so the client sees a reset.
        case reset
        /// Reads the request and never answers, until the client gives up or the server stops.
        case hang
        /// Waits `seconds`, then behaves as `reply`.
        indirect case delayed(Double, Reply)
    }

    /// One request as received.
    public struct Request: Sendable {
        public var method: String
        /// The path including any query (`/v1/chat/completions?api-version=...`).
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: [UInt8]
        /// Monotonic arrival time in seconds.
        public var receivedAt: Double
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
        /// The body parsed as a JSON object, or nil.
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }
    }

    public let port: Int
    /// `http://127.0.0.1:PORT/v1`, the base URL to configure providers with.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private let listenFD: Int32
    private let lock = NSLock()
    private var queue: [Reply] = []
    private var responder: (@Sendable (Request) -> Reply?)?
    private var recorded: [Request] = []
    private var stopping = false
    private let group = DispatchGroup()

    public struct StartError: Error, CustomStringConvertible { public let description: String }

    /// Binds 127.0.0.1 on a free port and starts accepting.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let e = String(cString: strerror(errno)); close(fd)
            throw StartError(description: "bind/listen: \(e)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        var actual = sockaddr_in()
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listenFD = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
        group.enter()
        let t = Thread { [self] in acceptLoop(); group.leave() }
        t.start()
    }

    deinit { stop() }

    /// Answers by the request's content instead of (before) the queue: parallel callers then get
    /// the reply meant for them whatever order they arrive in. Returning nil falls back to the queue.
    public func respond(with responder: @escaping @Sendable (Request) -> Reply?) {
        lock.lock(); self.responder = responder; lock.unlock()
    }

    /// Adds replies to the end of the queue. With an empty queue the server answers 500.
    public func enqueue(_ replies: Reply...) {
        lock.lock(); queue.append(contentsOf: replies); lock.unlock()
    }

    /// The requests received so far, in arrival order.
    public var requests: [Request] {
        lock.lock(); defer { lock.unlock() }
        return recorded
    }

    /// Stops accepting, drops open connections (ending hangs) and waits for every thread.
    public func stop() {
        lock.lock()
        let already = stopping
        stopping = true
        lock.unlock()
        if already { return }
        group.wait()
        close(listenFD)
    }

    private var isStopping: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    private func acceptLoop() {
        while !isStopping {
            var p = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 20) > 0 else { continue }
            let client = accept(listenFD, nil, nil)
            guard client >= 0 else { continue }
            group.enter()
            let t = Thread { [self] in
                serve(client)
                group.leave()
            }
            t.start()
        }
    }

    // MARK: serving one connection

    private func serve(_ fd: Int32) {
        guard let request = readRequest(fd) else { close(fd); return }
        lock.lock()
        recorded.append(request)
        let answer = responder
        lock.unlock()
        // The responder runs outside the lock (it may be slow, and may read `requests`).
        if let answer, let reply = answer(request) { respond(fd, reply, path: request.path); return }
        lock.lock()
        let reply = queue.isEmpty ? Reply.raw(status: 500, body: #"{"error":{"message":"fake server: no scripted reply"}}"#, headers: [:]) : queue.removeFirst()
        lock.unlock()
        respond(fd, reply, path: request.path)
    }

    private func respond(_ fd: Int32, _ reply: Reply, path: String) {
        let anthropic = path.hasPrefix("/v1/messages")
        switch reply {
        case .delayed(let seconds, let next):
            let until = Self.now() + seconds
            while Self.now() < until && !isStopping { usleep(5_000) }
            if isStopping { close(fd); return }
            respond(fd, next, path: path)
        case .completion(let text, let p, let c, let model):
            let body = anthropic ? Self.anthropicBody(text, p, c, model) : Self.openAIBody(text, p, c, model)
            sendResponse(fd, status: 200, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
            close(fd)
        case .raw(let status, let body, let headers):
            sendResponse(fd, status: status, headers: headers, body: Array(body.utf8))
            close(fd)
        case .rateLimited(let after):
            var h = ["Content-Type": "application/json"]
            if let after { h["Retry-After"] = after }
            sendResponse(fd, status: 429, headers: h, body: Array(Self.errorBody("Rate limit reached for requests", anthropic: anthropic).utf8))
            close(fd)
        case .serverError(let status):
            sendResponse(fd, status: status, headers: ["Content-Type": "application/json"], body: Array(Self.errorBody("The server had an error while processing your request", anthropic: anthropic).utf8))
            close(fd)
        case .clientError(let status, let message):
            sendResponse(fd, status: status, headers: ["Content-Type": "application/json"], body: Array(Self.errorBody(message, anthropic: anthropic).utf8))
            close(fd)
        case .malformedJSON:
            sendResponse(fd, status: 200, headers: ["Content-Type": "application/json"], body: Array(#"{"choices": [ {"message": "#.utf8))
            close(fd)
        case .truncated(let body, let declared):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(declared)\r\nConnection: close\r\n\r\n"
            writeAll(fd, Array(head.utf8) + Array(body.utf8))
            close(fd)
        case .reset:
            var l = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, socklen_t(MemoryLayout<linger>.size))
            close(fd)
        case .hang:
            // Wait until the client closes (read returns 0 or fails) or the server stops.
            var buf = [UInt8](repeating: 0, count: 256)
            while !isStopping {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 20) > 0 {
                    let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    if n <= 0 { break }
                }
            }
            close(fd)
        }
    }

    private func sendResponse(_ fd: Int32, status: Int, headers: [String: String], body: [UInt8]) {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { head += "\(k): \(v)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        writeAll(fd, Array(head.utf8) + body)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads the head and a Content-Length body; nil if the client went away or sent garbage.
    private func readRequest(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 8192)
        var headEnd: Int? = nil
        var contentLength = 0
        let deadline = Self.now() + 10
        while Self.now() < deadline && !isStopping {
            if let end = headEnd, data.count >= end + contentLength { break }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 20) > 0 else { continue }
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            data.append(contentsOf: buf[0..<n])
            if headEnd == nil, let r = Self.find([13, 10, 13, 10], in: data) {
                headEnd = r + 4
                let head = String(decoding: data[0..<r], as: UTF8.self)
                contentLength = Self.headers(head)["content-length"].flatMap { Int($0) } ?? 0
            }
        }
        guard let end = headEnd, data.count >= end + contentLength else { return nil }
        let head = String(decoding: data[0..<(end - 4)], as: UTF8.self)
        let requestLine = head.components(separatedBy: "\r\n").first ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        return Request(method: String(parts[0]), path: String(parts[1]), headers: Self.headers(head),
                       body: Array(data[end..<(end + contentLength)]), receivedAt: Self.now())
    }

    // MARK: helpers

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    static func headers(_ head: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    static func jsonString(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [])) ?? Data("[\"\"]".utf8)
        let arr = String(decoding: data, as: UTF8.self)
        return String(arr.dropFirst().dropLast())
    }

    static func errorBody(_ message: String, anthropic: Bool) -> String {
        anthropic
            ? #"{"type":"error","error":{"type":"api_error","message":\#(jsonString(message))}}"#
            : #"{"error":{"message":\#(jsonString(message)),"type":"server_error","code":null}}"#
    }

    static func openAIBody(_ text: String, _ p: Int?, _ c: Int?, _ model: String?) -> String {
        let usage = p.map { p in #","usage":{"prompt_tokens":\#(p),"completion_tokens":\#(c ?? 0),"total_tokens":\#(p + (c ?? 0))}"# } ?? ""
        return #"{"id":"chatcmpl-fake","object":"chat.completion","created":1700000000,"model":\#(jsonString(model ?? "fake-model")),"system_fingerprint":"fp_x","choices":[{"index":0,"message":{"role":"assistant","content":\#(jsonString(text)),"refusal":null},"logprobs":null,"finish_reason":"stop"}]\#(usage)}"#
    }

    static func anthropicBody(_ text: String, _ p: Int?, _ c: Int?, _ model: String?) -> String {
        let usage = p.map { p in #","usage":{"input_tokens":\#(p),"output_tokens":\#(c ?? 0),"cache_read_input_tokens":0}"# } ?? ""
        return #"{"id":"msg_fake","type":"message","role":"assistant","model":\#(jsonString(model ?? "fake-claude")),"content":[{"type":"text","text":\#(jsonString(text))}],"stop_reason":"end_turn","stop_sequence":null\#(usage)}"#
    }
}
