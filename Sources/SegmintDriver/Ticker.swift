import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints "label… Ns" about once a second on a background thread until stopped.
final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private let sink: (@Sendable (String) -> Void)?
    private let start = Date()
    private let live = isatty(2) != 0

    init(label: String, sink: (@Sendable (String) -> Void)?) {
        self.sink = sink
        guard let sink = sink else { return }
        sink("\(label)…")
        // A log file (stderr not a terminal) gets the start and the end, not a line per second.
        guard live else { return }
        let thread = Thread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                guard let self = self else { return }
                self.lock.lock(); let go = self.running; self.lock.unlock()
                guard go else { return }
                sink("\r\(label)… \(Int(Date().timeIntervalSince(self.start)))s")
            }
        }
        thread.start()
    }

    func stop(final: String?) {
        lock.lock(); running = false; lock.unlock()
        guard let sink = sink else { return }
        let secs = Date().timeIntervalSince(start)
        sink((live ? "\r" : "\n") + (final.map { "\($0) in \(Int((secs * 10).rounded()) / 10).\(Int((secs * 10).rounded()) % 10)s\n" } ?? "\n"))
    }
}
