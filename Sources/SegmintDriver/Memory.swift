import Foundation
import SegmintCore
import SegmintNL
import SegmintStore

/// `segmint memory list [--tenant T] [--user U] [--all-users] [--memory URL] [--format human|json]`
public func runMemoryList(tenant: String?, user: String?, allUsers: Bool, memory: String?, format: String) -> CommandOutput {
    let t = tenant ?? "default"
    guard isTenantName(t) else { return .usage(CLICode.usage, "bad tenant name \(JSON.string(t))", help: "tenant names use letters, digits, _ and - only") }
    guard format == "human" || format == "json" else { return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use human or json") }
    do {
        let store = try MemoryStores.open(memory ?? MemoryStores.defaultURL())
        let entries = try store.list(tenant: t, user: allUsers ? nil : (user ?? currentUser()))
        if format == "json" {
            let items = entries.map { "{\"tenant\": \(JSON.string($0.tenant)), \"user\": \(JSON.string($0.user)), \"key\": \(JSON.string($0.key)), \"answer\": \(JSON.string($0.value)), \"updated_at\": \(JSON.string($0.updatedAt))}" }
            return CommandOutput(exitCode: 0, stdout: "[" + items.joined(separator: ", ") + "]\n")
        }
        if entries.isEmpty { return CommandOutput(exitCode: 0, stderr: "segmint: no remembered answers for tenant \(t)\n") }
        return CommandOutput(exitCode: 0, stdout: entries.map { "\($0.user)\t\($0.key)\t\($0.value)\n" }.joined())
    } catch {
        return .failure(2, [.thrown(error, code: DatabaseCode.io)])
    }
}

/// `segmint memory forget KEY | --all [--tenant T] [--user U] [--memory URL]`
public func runMemoryForget(key: String?, all: Bool, tenant: String?, user: String?, memory: String?) -> CommandOutput {
    let t = tenant ?? "default"
    guard isTenantName(t) else { return .usage(CLICode.usage, "bad tenant name \(JSON.string(t))", help: "tenant names use letters, digits, _ and - only") }
    guard (key != nil) != all else { return .usage(CLICode.usage, "give a KEY (e.g. window:recently) or --all") }
    do {
        let store = try MemoryStores.open(memory ?? MemoryStores.defaultURL())
        let n = try store.forget(tenant: t, user: user ?? currentUser(), key: key)
        return CommandOutput(exitCode: 0, stderr: "segmint: forgot \(n) answer\(n == 1 ? "" : "s")\n")
    } catch {
        return .failure(2, [.thrown(error, code: DatabaseCode.io)])
    }
}

func currentUser() -> String {
    let env = ProcessInfo.processInfo.environment
    return env["SEGMINT_USER"] ?? env["USER"] ?? "default"
}
