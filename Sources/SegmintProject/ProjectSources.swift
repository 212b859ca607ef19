import SegmintCore
#if canImport(Glibc)
import Glibc
#endif

/// The `.seg` files of a project: every file ending in `.seg` under each segment directory,
/// recursively, hidden entries (`.git`, `.x.seg`) skipped, in byte order of their
/// project-relative paths so builds are deterministic.
public enum ProjectSources {
    /// A listed file with the size and modification time (ns) `stat` gave while listing.
    public struct Listed: Sendable {
        public var path: String
        public var size: Int
        public var mtime: Int
    }

    /// Project-relative paths, or a diagnostic per directory that does not exist.
    public static func list(_ project: Project) -> (files: [String], diagnostics: [Diagnostic]) {
        let r = listWithStats(project)
        return (r.files.map(\.path), r.diagnostics)
    }

    /// As `list`, with each file's size and modification time.
    public static func listWithStats(_ project: Project) -> (files: [Listed], diagnostics: [Diagnostic]) {
        var files: [Listed] = [], diagnostics: [Diagnostic] = []
        for dir in project.segmentDirectories {
            let abs = project.resolve(dir.value)
            var st = stat()
            guard stat(abs, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                let what = stat(abs, &st) == 0 ? "is not a directory" : "does not exist"
                diagnostics.append(Diagnostic(code: ProjectCode.missingDirectory, message: "segment directory \"\(dir.value)\" \(what)",
                                              help: "create it, or change \"segments\" in \(project.path)", location: project.location(dir.span)))
                continue
            }
            walk(abs, relative: trimmed(dir.value), into: &files)
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }
        // Byte order, with each path's bytes made once (a comparator making them costs 10× more).
        let keyed = files.map { (Array($0.path.utf8), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        return (keyed.map(\.1), diagnostics)
    }

    private static func trimmed(_ dir: String) -> String {
        var d = dir
        while d.count > 1, d.hasSuffix("/") { d.removeLast() }
        if d.hasPrefix("./") { d.removeFirst(2) }
        return d == "." ? "" : d
    }

    /// Data-test fixtures: `*.yaml` / `*.yml` under the project's tests directory (recursive,
    /// byte order); none when the directory does not exist.
    public static func fixtures(_ project: Project) -> [String] {
        var files: [Listed] = []
        walk(project.resolve(project.tests), relative: trimmed(project.tests), into: &files, suffixes: [".yaml", ".yml"])
        return files.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func walk(_ abs: String, relative: String, into files: inout [Listed], suffixes: [String] = [".seg"]) {
        guard let dir = opendir(abs) else { return }
        defer { closedir(dir) }
        var entries: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafePointer(to: e.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            entries.append(name)
        }
        // fstatat on the open directory: no path walk from / per file (10,000 files in a build).
        let fd = dirfd(dir)
        for name in entries {
            let childAbs = abs + "/" + name
            let childRel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard fstatat(fd, name, &st, 0) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(childAbs, relative: childRel, into: &files, suffixes: suffixes)
            } else if suffixes.contains(where: { name.hasSuffix($0) }) {
                files.append(Listed(path: childRel, size: Int(st.st_size),
                                    mtime: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)))
            }
        }
    }
}

/// Small file-system helpers for outputs.
enum Files {
    /// Creates `path` and its parents (like `mkdir -p`); throws a readable error.
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            var st = stat()
            if stat(current, &st) == 0 {
                guard (st.st_mode & S_IFMT) == S_IFDIR else {
                    throw AtomicFile.WriteError(description: "cannot create directory \(current): a file is in the way")
                }
                continue
            }
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw AtomicFile.WriteError(description: "cannot create directory \(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The file's bytes, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? { try? FileInput.read(path) }

    static func remove(_ path: String) { unlink(path) }
}
