import Foundation

/// Finding and running the `duckdb` command-line tool.
enum DuckDBTool {
    static let installHelp = "install it with `pip install duckdb-cli` (scripts/deps.sh --test puts it in .venv), or set SEGMINT_DUCKDB to its path"

    /// `SEGMINT_DUCKDB`, else `duckdb` on `PATH`, else `.venv/bin/duckdb` in the current
    /// directory or one above it, or above the running executable (a checkout's own venv).
    static func locate() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        if let given = env["SEGMINT_DUCKDB"], !given.isEmpty {
            guard fm.isExecutableFile(atPath: given) else {
                throw DatabaseError(.connection, "SEGMINT_DUCKDB=\(given) is not an executable file; " + installHelp)
            }
            return given
        }
        for dir in (env["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/duckdb"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        var starts = [fm.currentDirectoryPath]
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(exe) }
        for start in starts {
            var dir = URL(fileURLWithPath: start)
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent(".venv/bin/duckdb").path
                if fm.isExecutableFile(atPath: candidate) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        throw DatabaseError(.connection, "the DuckDB command-line tool `duckdb` was not found; " + installHelp)
    }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `tool arguments` with `input` on its standard input. Input and both outputs go
    /// through temporary files, so a large script or result can never deadlock on a pipe.
    static func run(_ tool: String, arguments: [String], input: String) throws -> Output {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("segmint-duckdb-\(UUID().uuidString)")
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: false) } catch {
            throw DatabaseError(.io, "cannot create a temporary directory for DuckDB: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in.sql"), outURL = dir.appendingPathComponent("out"),
            errURL = dir.appendingPathComponent("err")
        guard fm.createFile(atPath: inURL.path, contents: Data(input.utf8)),
              fm.createFile(atPath: outURL.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil),
              let inH = FileHandle(forReadingAtPath: inURL.path), let outH = FileHandle(forWritingAtPath: outURL.path),
              let errH = FileHandle(forWritingAtPath: errURL.path) else {
            throw DatabaseError(.io, "cannot write temporary files for DuckDB in \(dir.path)")
        }
        defer { try? inH.close(); try? outH.close(); try? errH.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = inH
        process.standardOutput = outH
        process.standardError = errH
        do { try process.run() } catch {
            throw DatabaseError(.connection, "cannot run \(tool): \(error.localizedDescription); " + installHelp)
        }
        process.waitUntilExit()
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return Output(status: status, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
