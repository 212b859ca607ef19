#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the project file `segmint.yaml` the way git finds `.git` and dbt finds
/// `dbt_project.yml`: in the working directory, else in its parent, and so on up to `/`.
/// Lives in the core so the project loader and the LLM configuration share one search.
public enum ProjectLocator {
    public static let fileName = "segmint.yaml"

    /// The path of the nearest `segmint.yaml` at or above `directory`, or nil.
    public static func find(from directory: String) -> String? {
        var dir = normalized(directory)
        while true {
            let candidate = (dir == "/" ? "" : dir) + "/" + fileName
            var st = stat()
            if stat(candidate, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR { return candidate }
            guard dir != "/", let cut = dir.lastIndex(of: "/") else { return nil }
            dir = cut == dir.startIndex ? "/" : String(dir[..<cut])
        }
    }

    /// An absolute path without a trailing slash (a relative one is taken under the process's cwd).
    public static func absolute(_ path: String) -> String { normalized(path) }

    static func normalized(_ path: String) -> String {
        var p = path
        if !p.hasPrefix("/") {
            var buf = [CChar](repeating: 0, count: 4096)
            let cwd = getcwd(&buf, buf.count).map { _ in String(cString: buf) } ?? "/"
            p = p.isEmpty || p == "." ? cwd : cwd + "/" + p
        }
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
