import CCurl
import Foundation

/// `curl_global_init` is not thread-safe and must run once before any handle exists; a global
/// `let` initializer runs exactly once, lazily and atomically.
private let curlGlobalInit: CURLcode = curl_global_init(3 /* CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32 */)

/// Collects one transfer's body and header lines; reached from C callbacks via `Unmanaged`.
private final class CurlSink {
    var body: [UInt8] = []
    var headerLines: [String] = []
    var overflow = false
    let maxBody: Int
    let cancel: CancelFlag
    init(maxBody: Int, cancel: CancelFlag) { self.maxBody = maxBody; self.cancel = cancel }
}

/// Set from the cancelling task, read by curl's progress callback on the transfer thread.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// HTTP over libcurl's easy interface: one handle per request (handles are not shared between
/// threads), each transfer on its own thread. The blocking `curl_easy_perform` thus never
/// occupies a thread of Swift's cooperative pool, and parallel stages are not capped by a
/// Dispatch pool sized to the core count (on Linux a concurrent queue ran only 2 at a time here).
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Bodies larger than this are refused; no chat completion comes near it.
    public let maxResponseBytes: Int

    public init(maxResponseBytes: Int = 32 << 20) {
        self.maxResponseBytes = maxResponseBytes
        _ = curlGlobalInit
    }

    /// Sends on a new thread. Cancelling the calling task aborts the transfer (curl checks
    /// at least once a second) and throws `CancellationError`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let cancel = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (cont: CheckedContinuation<HTTPResponse, Error>) in
                let thread = Thread {
                    cont.resume(with: Result { try self.perform(request, cancel: cancel) })
                }
                thread.name = "segmint-curl"
                thread.start()
            }
        } onCancel: {
            cancel.set()
        }
    }

    /// The blocking transfer.
    func perform(_ request: HTTPRequest, cancel: CancelFlag = CancelFlag()) throws -> HTTPResponse {
        if cancel.isSet { throw CancellationError() }
        guard request.url.hasPrefix("http://") || request.url.hasPrefix("https://") else {
            throw TransportError(.invalidRequest, "unsupported URL \(request.url) (only http and https)")
        }
        guard let handle = curl_easy_init() else {
            throw TransportError(.connection, "cannot create a curl handle")
        }
        defer { curl_easy_cleanup(handle) }

        let sink = CurlSink(maxBody: maxResponseBytes, cancel: cancel)
        let sinkRef = Unmanaged.passRetained(sink)
        defer { sinkRef.release() }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        var list: UnsafeMutablePointer<curl_slist>? = nil
        // curl would otherwise send `Expect: 100-continue` for larger bodies and wait for it.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            list = curl_slist_append(list, line)
        }
        defer { curl_slist_free_all(list) }

        let timeoutMs = max(1, Int(request.timeoutSeconds * 1000))
        segmint_curl_setopt_string(handle, CURLOPT_URL, request.url)
        segmint_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        segmint_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        segmint_curl_setopt_long(handle, CURLOPT_POST, 1)
        segmint_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count)
        request.body.withUnsafeBytes { raw in
            // COPYPOSTFIELDS copies, so the Swift array need not outlive this call.
            _ = segmint_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(errorBuffer)))
        }
        segmint_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        segmint_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMs)
        segmint_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(timeoutMs, 15_000))
        segmint_curl_setopt_string(handle, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1")
        segmint_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        segmint_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        segmint_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, { data, size, count, user in
            guard let user, let data else { return 0 }
            let sink = Unmanaged<CurlSink>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            if sink.body.count + n > sink.maxBody { sink.overflow = true; return 0 }
            data.withMemoryRebound(to: UInt8.self, capacity: n) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
            return n
        })
        segmint_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkRef.toOpaque())
        segmint_curl_setopt_header_function(handle, { data, size, count, user in
            guard let user, let data else { return 0 }
            let sink = Unmanaged<CurlSink>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            let line = data.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
            sink.headerLines.append(line)
            return n
        })
        segmint_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkRef.toOpaque())
        segmint_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        segmint_curl_setopt_xferinfo_function(handle, { user, _, _, _, _ in
            guard let user else { return 0 }
            return Unmanaged<CurlSink>.fromOpaque(user).takeUnretainedValue().cancel.isSet ? 1 : 0
        })
        segmint_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, sinkRef.toOpaque())

        let code = curl_easy_perform(handle)
        if code != CURLE_OK {
            if code == CURLE_ABORTED_BY_CALLBACK { throw CancellationError() }
            if sink.overflow {
                throw TransportError(.connection, "response body larger than \(maxResponseBytes) bytes")
            }
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw TransportError(Self.kind(of: code), text)
        }
        var status = 0
        segmint_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: Self.parseHeaders(sink.headerLines), body: sink.body)
    }

    static func kind(of code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .invalidRequest
        default: return .connection
        }
    }

    /// Keeps only the last response's headers (a 100 Continue or a proxy's response may come first).
    static func parseHeaders(_ lines: [String]) -> [String: String] {
        var headers: [String: String] = [:]
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("HTTP/") { headers = [:]; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = value
        }
        return headers
    }
}
