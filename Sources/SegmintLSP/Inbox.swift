import Foundation

/// What the reader thread hands the server loop.
enum Incoming {
    case message(Any)
    /// A frame or body that could not be read as JSON: answered with a parse error.
    case unreadable(String)
    case end
}

/// A blocking FIFO between the reader thread and the server loop.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Incoming] = []
    private var head = 0

    func push(_ item: Incoming) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, waiting for one.
    func pop() -> Incoming {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count { condition.wait() }
        let item = items[head]
        head += 1
        if head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
        return item
    }

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == items.count
    }
}

/// Request ids the client cancelled (`$/cancelRequest`), shared by the reader and the loop.
final class CancelledRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var ids = Set<String>()

    /// A comparable key for a JSON-RPC id (a number and a string of the same digits differ).
    static func key(_ id: Any?) -> String? {
        if let s = id as? String { return "s:" + s }
        if let n = Proto.int(id) { return "n:\(n)" }
        return nil
    }

    func add(_ id: Any?) {
        guard let k = Self.key(id) else { return }
        lock.lock()
        // A client that cancels requests the server already answered would grow this forever.
        if ids.count > 10_000 { ids.removeAll() }
        ids.insert(k)
        lock.unlock()
    }

    /// True (and forgets the id) when the request was cancelled.
    func take(_ id: Any?) -> Bool {
        guard let k = Self.key(id) else { return false }
        lock.lock()
        defer { lock.unlock() }
        return ids.remove(k) != nil
    }
}
