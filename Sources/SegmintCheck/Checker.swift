import SegmintCore
import SegmintSyntax
import SegmintCatalog

public struct CheckOptions: Sendable {
    /// `--strict`: INFERRED numbers and dates (assumptions) become errors.
    public var strict: Bool
    /// For LLM output (spec §5): every facet, field, event and enumerated value a condition
    /// uses must carry a RETRIEVED tag; an untagged one is an error (`E0408`).
    public var requireTags: Bool
    /// The user's request, when known (the pipeline): every `from "text"` must occur in it verbatim.
    public var request: String?

    public init(strict: Bool = false, requireTags: Bool = false, request: String? = nil) {
        self.strict = strict; self.requireTags = requireTags; self.request = request
    }
}

/// The checker's product: the checked program when there are no errors, and every diagnostic.
public struct CheckResult: Sendable {
    public var program: CheckedProgram?
    public var diagnostics: [Diagnostic]
    public init(program: CheckedProgram?, diagnostics: [Diagnostic]) { self.program = program; self.diagnostics = diagnostics }
}

/// The type checker (spec §5): AST + catalog -> CheckedProgram.
public enum Checker {
    /// Checks all files of one command together (segment references resolve across them).
    /// Reports every problem in one pass; the program is nil when there is any error.
    public static func check(files: [SegFile], catalog: Catalog, options: CheckOptions = CheckOptions()) -> CheckResult {
        check(files: files, catalog: PreparedCatalog(catalog), options: options)
    }

    /// The same, against a catalog indexed once: long-lived callers (the NL pipeline's repair
    /// loop, the compile benchmark, eval) check many small inputs against one catalog.
    public static func check(files: [SegFile], catalog: PreparedCatalog, options: CheckOptions = CheckOptions()) -> CheckResult {
        CheckState(index: catalog.index, options: options).run(files)
    }
}

/// A catalog with its name indexes built, reusable across `Checker.check` calls.
public struct PreparedCatalog: @unchecked Sendable {
    let index: CatalogIndex
    public var catalog: Catalog { index.catalog }
    public init(_ catalog: Catalog) { index = CatalogIndex(catalog) }
}

/// Mutable state of one check run.
final class CheckState {
    let index: CatalogIndex
    let options: CheckOptions
    var diagnostics: [Diagnostic] = []

    // Per segment, reset by `checkSegment`.
    var references: [String] = []
    var referenceSpans: [(name: String, span: Span)] = []
    var assumptions: [Assumption] = []
    var groundings: [Grounding] = []
    /// The segment's pinned `as_of`, so windows whose bounds leave the calendar are reported
    /// here, at the window, instead of only by `compile`.
    var pinnedAsOf: CivilDate?
    /// Where this segment's "can never hold" warnings point (see `reportSegmentNeverMatches`).
    var neverSpans: [Span] = []

    init(index: CatalogIndex, options: CheckOptions) { self.index = index; self.options = options }

    func error(_ code: String, _ message: String, at span: Span, help: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: span, help: help, notes: notes))
    }

    func warning(_ code: String, _ message: String, at span: Span, help: String? = nil, notes: [Diagnostic.Note] = []) {
        if code == CheckCode.neverHolds || code == CheckCode.emptyRange { neverSpans.append(span) }
        diagnostics.append(Diagnostic(code: code, severity: .warning, message: message, span: span, help: help, notes: notes))
    }

    static func didYouMean(_ name: String, _ candidates: [String]) -> String? {
        NameHint.closest(to: name, in: candidates).map { "did you mean \"\($0)\"?" }
    }

    /// When no declared name is close: say which segments exist, or how to bring one in.
    static func segmentsHelp(_ declared: [String]) -> String {
        let shown = declared.prefix(6).joined(separator: ", ")
        return "segments declared in this command: \(shown)\(declared.count > 6 ? ", …" : ""); "
            + "a segment from another file needs that file on the same command line"
    }

    func run(_ files: [SegFile]) -> CheckResult {
        // Segment names first, so references resolve across files and in any order.
        let total = files.reduce(0) { $0 + $1.segments.count }
        var firstDecl: [String: Span] = [:]
        firstDecl.reserveCapacity(total)
        var declared: [String] = []
        declared.reserveCapacity(total)
        for file in files {
            for seg in file.segments {
                if let first = firstDecl[seg.name.name] {
                    error(CheckCode.duplicateSegment, "segment \"\(seg.name.name)\" is declared twice", at: seg.name.span,
                          help: "segment names are unique across all files of one command",
                          notes: [.init(span: first, message: "first declared here")])
                } else {
                    firstDecl[seg.name.name] = seg.name.span
                    declared.append(seg.name.name)
                }
            }
        }
        var segments: [CheckedSegment] = []
        segments.reserveCapacity(total)
        // Only segments that reference others have edges; the rest cannot be on a cycle.
        var edges: [String: [(name: String, span: Span)]] = [:]
        for file in files {
            for seg in file.segments {
                let checked = checkSegment(seg)
                for ref in referenceSpans where firstDecl[ref.name] == nil {
                    error(CheckCode.unknownSegment, "unknown segment \"\(ref.name)\"", at: ref.span,
                          help: Self.didYouMean(ref.name, declared) ?? Self.segmentsHelp(declared))
                }
                if !referenceSpans.isEmpty, edges[seg.name.name] == nil { edges[seg.name.name] = referenceSpans }
                if let checked { segments.append(checked) }
            }
        }
        reportCycles(order: declared.filter { edges[$0] != nil }, edges: edges)
        let program = diagnostics.hasErrors ? nil : CheckedProgram(catalog: index.catalog, segments: segments)
        return CheckResult(program: program, diagnostics: diagnostics)
    }

    /// Checks one segment; nil when something in it is wrong (the errors are recorded).
    func checkSegment(_ seg: SegmentDecl) -> CheckedSegment? {
        references = []; referenceSpans = []; assumptions = []; groundings = []; neverSpans = []
        pinnedAsOf = seg.asOf?.date
        var include: [CheckedCondition]?
        var exclude: [CheckedCondition] = []
        var sawInclude = false, sawExclude = false
        var ok = true
        // The parser reports a second include/exclude; the first one counts.
        for item in seg.items {
            switch item {
            case .include(let block, _) where !sawInclude:
                sawInclude = true
                let checked = checkBlock(block.conditions)
                if checked == nil { ok = false }
                include = checked ?? []
            case .exclude(let block, _) where !sawExclude:
                sawExclude = true
                // Each exclude condition removes entities on its own: no "can never hold" across them.
                var checked: [CheckedCondition] = []
                checked.reserveCapacity(block.conditions.count)
                for c in block.conditions {
                    if let x = checkCondition(c) { checked.append(x) } else { ok = false }
                }
                exclude = checked
            default:
                break
            }
        }
        guard ok else { return nil }
        reportSegmentNeverMatches(seg)
        return CheckedSegment(name: seg.name.name, title: seg.title?.value, description: seg.description?.value,
                              asOf: seg.asOf?.date, include: include, exclude: exclude, references: references,
                              assumptions: assumptions, groundings: groundings, span: seg.span, syntax: seg)
    }

    /// Each cycle once, as `a -> b -> a`, at the reference that closes it. Iterative, so a
    /// long chain of references cannot overflow the stack.
    func reportCycles(order: [String], edges: [String: [(name: String, span: Span)]]) {
        var color: [String: Int] = [:]   // 1 on the stack, 2 done
        var position: [String: Int] = [:]
        var reported = Set<[String]>()
        for root in order where color[root] == nil {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            color[root] = 1; position[root] = 0
            while let top = stack.last {
                let out = edges[top.name] ?? []
                if top.next < out.count {
                    stack[stack.count - 1].next += 1
                    let (target, span) = out[top.next]
                    // Targets without edges (or unknown ones, reported above) end every path.
                    guard edges[target] != nil else { continue }
                    switch color[target] {
                    case nil:
                        color[target] = 1; position[target] = stack.count
                        stack.append((target, 0))
                    case 1:
                        let from = position[target] ?? 0
                        let cycle = stack[from...].map(\.name)
                        let key = cycle.sorted()
                        if reported.insert(key).inserted {
                            error(CheckCode.segmentCycle, "segment reference cycle: \((cycle + [target]).joined(separator: " -> "))",
                                  at: span, help: "a segment cannot include itself, directly or through others")
                        }
                    default:
                        break
                    }
                } else {
                    color[top.name] = 2; position[top.name] = nil
                    stack.removeLast()
                }
            }
        }
    }
}
