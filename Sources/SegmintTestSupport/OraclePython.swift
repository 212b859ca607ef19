import Foundation

/// The Python that runs the test oracles (sqlglot, DuckDB): `SEGMINT_PYTHON` when set, else the
/// repository's `.venv` (which `scripts/deps.sh --test` creates), else `python3` on PATH.
public enum OraclePython {
    public static var executable: String {
        if let p = ProcessInfo.processInfo.environment["SEGMINT_PYTHON"], !p.isEmpty { return p }
        let venv = repositoryRoot + "/.venv/bin/python"
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return "python3"
    }

    /// The checkout this file was compiled from (`Sources/SegmintTestSupport/` is two levels down).
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
}
