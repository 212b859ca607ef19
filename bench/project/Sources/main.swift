// Project build benchmark: `segmint build` of a generated project of N segments (default
// 10,000, one file each, every tenth referencing the one before it), measured in process:
// a full build into an empty target, a rebuild with nothing changed, and a rebuild after one
// segment changed. CPU seconds of this process (the machine is shared) and wall seconds.
//
//   bench/project/run.sh [N]        # release build, then this
import SegmintCore
import SegmintProject
#if canImport(Glibc)
import Glibc
#endif

func cpu() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func wall() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func segment(_ i: Int) -> String {
    let states = ["CA", "OR", "WA", "NY", "TX", "FL"]
    let categories = ["Outdoor", "Electronics", "Grocery", "Apparel"]
    var body = """
    # generated segment \(i)
    segment s\(i) "Segment \(i)" {
      include {
        state in ["\(states[i % 6])", "\(states[(i + 1) % 6])"]
        lifetime_spend >= \(100 + i % 900)
        has purchase where category = "\(categories[i % 4])" during last \(30 + i % 300) days count >= \(1 + i % 3)

    """
    if i % 10 == 9 { body += "    in segment s\(i - 1)\n" }
    body += "  }\n  exclude {\n    email_opt_out = true\n  }\n}\n"
    return body
}

let args = CommandLine.arguments
guard args.count >= 2 else {
    print("usage: segmint-bench-project CATALOG.yaml [N]")
    exit(2)
}
let catalog = ProjectLocator.absolute(args[1])
let n = args.count > 2 ? Int(args[2]) ?? 10_000 : 10_000
let root = "/tmp/segmint-bench-project-\(getpid())"
mkdir(root, 0o755)
mkdir(root + "/segments", 0o755)
try AtomicFile.write("catalog: \(catalog)\ndialects: [postgres]\n", to: root + "/segmint.yaml")
for i in 0..<n { try AtomicFile.write(Array(segment(i).utf8), to: root + "/segments/s\(i).seg", durable: false) }

let sources = SourceMap()
guard let project = ProjectLoader.load(path: root + "/segmint.yaml", sources: sources).project else {
    print("cannot load the generated project")
    exit(1)
}
let choice = CatalogChoice(path: catalog, display: args[1], origin: .flag)

/// Each round builds into a new target directory: creating 10,000 files right after deleting
/// 10,000 in the same place is several times slower on ext4 and would measure the file system.
var targetDir = root + "/target"

func timed(_ label: String, full: Bool = false) -> (cpu: Double, wall: Double) {
    let c0 = cpu(), w0 = wall()
    let r = ProjectBuild.run(project: project, catalog: choice, target: targetDir, options: BuildOptions(dialects: [.postgres], full: full))
    let result = (cpu() - c0, wall() - w0)
    guard r.exitCode == 0 else {
        print("\(label): build failed: \(r.diagnostics.prefix(3).map(\.message))")
        exit(1)
    }
    print("\(label): \(r.segments) segments, \(r.compiled) compiled, \(r.written) files written — "
          + "cpu \(Int(result.0 * 1000)) ms, wall \(Int(result.1 * 1000)) ms ("
          + r.timings.map { "\($0.phase) \(Int($0.seconds * 1000))" }.joined(separator: ", ") + ")")
    return result
}

if args.count > 3, args[3] == "noop" {
    // Profiling aid (perf record): one full build, then only rebuilds with nothing changed.
    _ = timed("full build")
    for round in 1...10 { _ = timed("round \(round) nothing changed") }
    system("rm -rf \(root)")
    exit(0)
}

var fulls: [Double] = [], noops: [Double] = [], ones: [Double] = []
for round in 1...3 {
    targetDir = root + "/target\(round)"
    fulls.append(timed("round \(round) full build").cpu)
    noops.append(timed("round \(round) nothing changed").cpu)
    let changed = segment(4_242 % n).replacingOccurrences(of: "email_opt_out = true", with: "email_opt_out = false")
    try AtomicFile.write(Array((changed + "# round \(round)\n").utf8), to: root + "/segments/s\(4_242 % n).seg")
    ones.append(timed("round \(round) one segment changed").cpu)
}
func median(_ xs: [Double]) -> Int { Int(xs.sorted()[xs.count / 2] * 1000) }
print("median cpu: full \(median(fulls)) ms, nothing changed \(median(noops)) ms, one changed \(median(ones)) ms (\(n) segments)")
system("rm -rf \(root)")
