import Dispatch

/// Waits for async work from synchronous code (the commands are synchronous; the pipeline and
/// the LLM transport are async). The work runs on Swift's cooperative pool while the calling
/// thread blocks, so this must not be called from async code: a pool thread waiting here could
/// starve the work it waits for. `fallback` is returned only if the task ends without writing a
/// value, which a non-throwing body cannot do; it keeps the signature free of optionals.
public func runBlocking<T: Sendable>(fallback: T, _ work: @escaping @Sendable () async -> T) -> T {
    let box = BlockingBox(fallback)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value
}

/// Carries a result out of the detached task; the semaphore orders the write before the read.
private final class BlockingBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
