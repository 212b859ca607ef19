/// Which files a build must compile again, from the previous build's state (docs/project.md).
///
/// A file is dirty when it is new or its bytes changed, when a segment it declares depends
/// (through `in segment`, transitively) on a segment of a dirty or deleted file, or when one
/// of its outputs is missing. Everything else keeps its SQL and its record.
struct IncrementalPlan {
    private(set) var dirty: Set<String>
    let old: BuildState?

    init(files: [ProjectFile], old: BuildState?) {
        self.old = old
        guard let old else { dirty = Set(files.map(\.path)); return }
        var dirty = Set(files.filter { old.files[$0.path]?.sha256 != $0.sha256 }.map(\.path))
        let present = Set(files.map(\.path))
        let gone = Set(old.files.keys.filter { !present.contains($0) })
        var queue = dirty.isEmpty && gone.isEmpty ? []
            : old.segments.values.filter { dirty.contains($0.file) || gone.contains($0.file) }.map(\.name)
        var dependents: [String: [String]] = [:]
        if !queue.isEmpty {
            for s in old.segments.values { for d in s.dependsOn { dependents[d, default: []].append(s.name) } }
        }
        var seen = Set(queue)
        while let name = queue.popLast() {
            for user in dependents[name] ?? [] where seen.insert(user).inserted {
                queue.append(user)
                if let f = old.segments[user]?.file, present.contains(f) { dirty.insert(f) }
            }
        }
        self.dirty = dirty
    }

    /// Marks files dirty whose segments lack an output (deleted by hand, or a new dialect).
    mutating func addMissingOutputs(existing: (String) -> Bool) {
        guard let old else { return }
        for s in old.segments.values where !dirty.contains(s.file) && !existing(s.name) { dirty.insert(s.file) }
    }

    /// Unchanged files the dirty ones need for checking: the files declaring segments they
    /// reference (and, transitively, what those reference), and files that already declare a
    /// name a dirty file declares (so a duplicate is still reported).
    func context(references: Set<String>, declared: Set<String>) -> Set<String> {
        guard let old else { return [] }
        var byFile: [String: [BuildState.SegmentRecord]] = [:]
        for s in old.segments.values { byFile[s.file, default: []].append(s) }
        var out = Set<String>()
        var queue = Array(references)
        var seen = Set(queue)
        // Every segment of an added file is checked, so all of their references are needed too.
        func add(_ file: String) {
            guard !dirty.contains(file), out.insert(file).inserted else { return }
            for s in byFile[file] ?? [] { for d in s.dependsOn where seen.insert(d).inserted { queue.append(d) } }
        }
        for name in declared { if let s = old.segments[name] { add(s.file) } }
        while let name = queue.popLast() {
            if let s = old.segments[name] { add(s.file) }
        }
        return out
    }
}
