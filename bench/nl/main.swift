// Benchmarks for the natural-language pipeline. Run in release:
//   swift build -c release --product segmint-bench-nl && .build/release/segmint-bench-nl [catalogs/retail.yaml]
import Foundation
import SegmintCore
import SegmintCatalog
import SegmintLLM
import SegmintNL
import SegmintTestSupport

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return 0 }
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}
/// CPU time of this thread: unlike wall time, not inflated when other processes hold the cores.
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
func ms(_ x: Double) -> String { String(format: "%.3f ms", x * 1000) }

let root = FileManager.default.currentDirectoryPath
let catalogPath = CommandLine.arguments.dropFirst().first ?? "catalogs/retail.yaml"
let loaded = CatalogLoader.load(path: catalogPath, sources: SourceMap())
guard let retail = loaded.catalog else { print("cannot load \(catalogPath)"); exit(2) }
guard let prompts = try? PromptSet.resolve(directory: nil) else {
    print("cannot load the prompts (check SEGMINT_PROMPTS)"); exit(2)
}

// MARK: 4 (defined here so `SEGMINT_BENCH_NL=offline` can run it alone).

/// `ask --offline` on a generated catalog of 1,000 facets (syllable-soup names, so no word is
/// English) and 20 events: 500 five-condition requests through `AskSession.run`.
func benchOffline() async {
    struct Rng { var s: UInt64; mutating func next() -> UInt64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) } }
    var rng = Rng(s: 0x2545F4914F6CDD1D)
    let syllables = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "pe", "dor", "bel", "cu", "fi", "gra", "ho", "jun", "mar", "nor", "qui", "sta", "tru", "ven", "wex", "zan", "bri", "clo", "dru"]
    func word(_ n: Int) -> String { (0..<n).map { _ in syllables[rng.int(syllables.count)] }.joined() }

    var facets: [Attribute] = []
    var taken = Set<String>()
    func fresh(_ n: Int) -> String { var w = word(n); while taken.contains(w) { w = word(n) }; taken.insert(w); return w }
    for i in 0..<1_000 {
        let name = "\(fresh(3))_\(fresh(3))"
        switch i % 4 {
        case 0: facets.append(Attribute(name: name, type: .string, values: (0..<10).map { _ in fresh(3) }, description: "\(word(2)) of the \(word(3))"))
        case 1: facets.append(Attribute(name: name, type: .decimal, description: "\(word(2)) amount"))
        case 2: facets.append(Attribute(name: name, type: .bool, description: "\(word(2)) flag"))
        default: facets.append(Attribute(name: name, type: .date, description: "day of the \(word(2))"))
        }
    }
    var events: [Event] = []
    for i in 0..<20 {
        events.append(Event(name: fresh(3), table: "t\(i)", key: "id", time: "at", timeType: .timestamp,
                            fields: [Attribute(name: "\(fresh(3))_kind", type: .string, values: (0..<8).map { _ in fresh(3) }),
                                     Attribute(name: "\(fresh(3))_size", type: .decimal)]))
    }
    let cat = Catalog(name: "generated1k", version: "1", entity: Entity(name: "member", table: "members", key: "id"),
                      fiscalYear: FiscalCalendar(), facets: facets, events: events, path: "<generated1k>")
    func words(_ n: String) -> String { n.split(separator: "_").joined(separator: " ") }
    var requests: [String] = []
    for _ in 0..<500 {
        let e = facets[4 * rng.int(250)], n = facets[4 * rng.int(250) + 1], b = facets[4 * rng.int(250) + 2]
        let b2 = facets[4 * rng.int(250) + 2]
        let ev = events[rng.int(events.count)]
        let v = e.values?[rng.int(10)] ?? "x", fv = ev.fields[0].values?[rng.int(8)] ?? "x"
        requests.append("members with \(words(e.name)) \(v) and \(words(n.name)) over \(rng.int(900) + 10) who are \(words(b.name)) "
                        + "and had \(words(ev.name)) \(fv) in the last \(rng.int(80) + 10) days but not \(words(b2.name))")
    }
    let session = AskSession(model: nil, prompts: nil, memory: nil)
    let t0 = now()
    let first = await session.run(AskRequest(text: requests[0], catalog: cat, offline: true))
    let coldT = now() - t0
    var lat: [Double] = [], exits: [Int32: Int] = [:]
    for r in requests {
        let t = now()
        let o = await session.run(AskRequest(text: r, catalog: cat, offline: true))
        lat.append(now() - t)
        exits[o.exitCode, default: 0] += 1
        if o.exitCode != 0, exits[o.exitCode] == 1 { print("  e.g. exit \(o.exitCode): \(r) — \(o.messages.joined(separator: "; "))") }
    }
    let ok = exits[0] ?? 0
    let translator = OfflineTranslator(catalog: cat)
    var tlat: [Double] = []
    for r in requests { let t = now(); _ = translator.translate(r); tlat.append(now() - t) }
    print("ask --offline on a generated catalog of \(facets.count) facets and \(events.count) events, \(requests.count) five-condition requests")
    print("  first request (lexicon + index build): \(ms(coldT)), exit \(first.exitCode)")
    print("  AskSession.run (translate + check): p50 \(ms(percentile(lat, 0.5))), p99 \(ms(percentile(lat, 0.99))), max \(ms(lat.max() ?? 0)); \(ok) of \(requests.count) exit 0")
    print("  translator alone: p50 \(ms(percentile(tlat, 0.5))), p99 \(ms(percentile(tlat, 0.99)))")
}

if ProcessInfo.processInfo.environment["SEGMINT_BENCH_NL"] == "offline" {
    await benchOffline()
    exit(0)
}

// MARK: 1. Parallel pipeline vs the same stages in sequence, fake server at latency L per call.

func json(_ s: String) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: [s])) ?? Data(), as: UTF8.self).dropFirst().dropLast().description
}
let L = 0.2
let parts = ["gold tier members in California", "gold tier members who bought outdoor gear",
             "gold tier members with sms consent", "gold tier members who clicked an email"]
let request4 = parts.joined(separator: " and ")
let decomposeReply = #"{"refusal": null, "parts": ["# + parts.map { #"{"span": \#(json($0)), "exclude": false}"# }.joined(separator: ", ") + "]}"
// Valid for every part (each part says "gold tier"), so the order parallel calls arrive in does not matter.
let mapReply = #"{"condition": "loyalty_tier = \"gold\" [RETRIEVED: loyalty_tier from \"tier\"] [RETRIEVED: \"gold\" from \"gold\"]", "unmapped": []}"#
let dateReply = #"{"window": null, "from": null, "inferred": false}"#

func fakeClient(_ servers: [String: FakeLLMServer], cacheDir: String?) throws -> LLMClient {
    let providers = PromptSet.stages.compactMap { s in servers[s].map { ProviderSettings(name: s, kind: .openai, baseURL: $0.baseURL, model: "m-\(s)", auth: ProviderSettings.Auth.none) } }
    var routes: [String: StageRoute] = [:]
    for s in PromptSet.stages { routes[s] = StageRoute(provider: s) }
    let config = LLMConfig(providers: providers, failover: PromptSet.stages, stages: routes,
                           retry: RetryPolicy(maxAttempts: 1), requestTimeout: 10, deadline: 60,
                           cacheDirectory: cacheDir ?? NSTemporaryDirectory())
    return LLMClient(config: config, cache: try cacheDir.map { try ResponseCache(directory: $0) })
}

func runPipeline(sequential: Bool) async throws -> Double {
    var servers: [String: FakeLLMServer] = [:]
    for s in PromptSet.stages { servers[s] = try FakeLLMServer() }
    defer { for s in servers.values { s.stop() } }
    servers["decompose"]?.enqueue(.delayed(L, .completion(decomposeReply)))
    for _ in parts {
        servers["map"]?.enqueue(.delayed(L, .completion(mapReply)))
        servers["date"]?.enqueue(.delayed(L, .completion(dateReply)))
    }
    let p = Pipeline(catalog: retail, index: RetrievalIndex(catalog: retail), prompts: prompts,
                     model: LLMStageModel(provider: try fakeClient(servers, cacheDir: nil)),
                     options: PipelineOptions(sequential: sequential))
    let t0 = now()
    let (outcome, trace) = try await p.run(request4)
    let t = now() - t0
    guard case .segment = outcome else { print("unexpected outcome \(outcome)"); exit(1) }
    precondition(trace.count == 1 + 2 * parts.count)
    return t
}

/// The same stages with latency L in-process (no HTTP): the pipeline's own structure alone.
struct SleepyModel: StageModel {
    func complete(_ call: StageCall) async throws -> StageReply {
        try await Task.sleep(nanoseconds: UInt64(L * 1e9))
        switch call.stage {
        case "decompose": return StageReply(text: decomposeReply, model: "sleepy")
        case "map": return StageReply(text: mapReply, model: "sleepy")
        default: return StageReply(text: dateReply, model: "sleepy")
        }
    }
}
func runInProcess(sequential: Bool) async throws -> Double {
    let p = Pipeline(catalog: retail, index: RetrievalIndex(catalog: retail), prompts: prompts, model: SleepyModel(),
                     options: PipelineOptions(sequential: sequential))
    let t0 = now()
    let (outcome, _) = try await p.run(request4)
    guard case .segment = outcome else { print("unexpected outcome \(outcome)"); exit(1) }
    return now() - t0
}
var ipar: [Double] = [], iseq: [Double] = []
for _ in 0..<3 {
    ipar.append(try await runInProcess(sequential: false))
    iseq.append(try await runInProcess(sequential: true))
}
print("pipeline, 4-part request, 9 stage calls of L = \(Int(L * 1000)) ms each, in-process model (no HTTP)")
print(String(format: "  parallel:   %.3f s = %.2f L", percentile(ipar, 0.5), percentile(ipar, 0.5) / L))
print(String(format: "  sequential: %.3f s = %.2f L", percentile(iseq, 0.5), percentile(iseq, 0.5) / L))

var par: [Double] = [], seq: [Double] = []
for _ in 0..<3 {
    par.append(try await runPipeline(sequential: false))
    seq.append(try await runPipeline(sequential: true))
}
print("pipeline, same request through LLMClient + libcurl to fake servers, latency L = \(Int(L * 1000)) ms")
print(String(format: "  parallel:   %.3f s = %.2f L (critical path decompose + max(map, date) = 2 L)", percentile(par, 0.5), percentile(par, 0.5) / L))
print(String(format: "  sequential: %.3f s = %.2f L (sum of all calls = 9 L)", percentile(seq, 0.5), percentile(seq, 0.5) / L))

// MARK: 2. A repeated request with a warm cache.

do {
    var servers: [String: FakeLLMServer] = [:]
    for s in PromptSet.stages { servers[s] = try FakeLLMServer() }
    defer { for s in servers.values { s.stop() } }
    servers["decompose"]?.enqueue(.delayed(L, .completion(decomposeReply)))
    for _ in parts {
        servers["map"]?.enqueue(.delayed(L, .completion(mapReply)))
        servers["date"]?.enqueue(.delayed(L, .completion(dateReply)))
    }
    let cacheDir = NSTemporaryDirectory() + "segmint-bench-cache-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: cacheDir) }
    let session = AskSession(model: LLMStageModel(provider: try fakeClient(servers, cacheDir: cacheDir)), prompts: prompts, memory: InMemoryStore())
    let cold0 = now()
    let cold = await session.run(AskRequest(text: request4, catalog: retail))
    let coldT = now() - cold0
    guard cold.exitCode == 0 else { print("cold run failed: \(cold.messages)"); exit(1) }
    var warm: [Double] = []
    for _ in 0..<50 {
        let t0 = now()
        let r = await session.run(AskRequest(text: request4, catalog: retail))
        warm.append(now() - t0)
        guard r.trace.allSatisfy(\.cacheHit) else { print("warm run missed the cache"); exit(1) }
        guard r.exitCode == 0, r.seg == cold.seg else { print("warm run differs"); exit(1) }
    }
    print("repeated 4-part request (9 cached calls + retrieval + assemble + check)")
    print("  cold: \(ms(coldT)); warm: p50 \(ms(percentile(warm, 0.5))), p99 \(ms(percentile(warm, 0.99))), max \(ms(warm.max() ?? 0))")
}

// MARK: 3. Retrieval over a generated 50k-facet / 1M-value catalog.

struct Rng { var s: UInt64; mutating func next() -> UInt64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) } }
var rng = Rng(s: 0x9E3779B97F4A7C15)
let syllables = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "pe", "dor", "an", "bel", "cu", "fi", "gra", "ho", "jun", "ly", "mar", "nor", "qui", "sta", "tru", "ul", "ven", "wex", "yo", "zan", "bri", "clo", "dru"]
func word(_ n: Int) -> String { (0..<n).map { _ in syllables[rng.int(syllables.count)] }.joined() }
var facets: [Attribute] = []
var valueCount = 0
for i in 0..<50_000 {
    let enumerated = i < 20_000
    let values: [String]? = enumerated ? (0..<50).map { _ in word(3) } : nil
    valueCount += values?.count ?? 0
    facets.append(Attribute(name: "\(word(2))_\(word(2))_\(i)", type: enumerated ? .string : .decimal, values: values,
                            synonyms: [word(2) + " " + word(2)], description: "\(word(2)) \(word(3)) of the \(word(2)) \(word(2))"))
}
let big = Catalog(name: "generated", version: "1", entity: Entity(name: "customer", table: "customers", key: "id"),
                  fiscalYear: FiscalCalendar(), facets: facets, events: [], path: "<generated>")
var builds: [Double] = [], buildsCPU: [Double] = []
var index: RetrievalIndex?
for _ in 0..<3 {
    let t0 = now(), c0 = cpuNow()
    index = RetrievalIndex(catalog: big)
    builds.append(now() - t0); buildsCPU.append(cpuNow() - c0)
}
guard let bigIndex = index else { exit(1) }
do {
    // The share of the build that is BM25 and names (no values), to see where the time goes.
    let noValues = Catalog(name: "generated", version: "1", entity: big.entity, fiscalYear: big.fiscalYear,
                           facets: facets.map { var f = $0; f.values = nil; return f }, events: [], path: "<generated>")
    let c0 = cpuNow()
    _ = RetrievalIndex(catalog: noValues)
    print("  (index build without the 1M values: CPU \(ms(cpuNow() - c0)))")
}
var queries: [String] = []
for q in 0..<2_000 {
    let f = facets[rng.int(facets.count)]
    switch q % 4 {
    case 0: queries.append(f.name.replacingOccurrences(of: "_", with: " "))
    case 1: queries.append("customers with " + (f.synonyms.first ?? ""))
    case 2: if let v = facets[rng.int(20_000)].values?.first { queries.append("who prefer \(v)") } else { queries.append(f.name) }
    default:
        // A misspelt value: one letter dropped.
        var v = facets[rng.int(20_000)].values?.last ?? "x"
        if v.count > 4 { v.remove(at: v.index(v.startIndex, offsetBy: 2)) }
        queries.append(v)
    }
}
var lat: [Double] = [], latCPU: [Double] = []
var found = 0
for q in queries {
    let t0 = now(), c0 = cpuNow()
    let hits = bigIndex.search(q, k: 10)
    lat.append(now() - t0); latCPU.append(cpuNow() - c0)
    if !hits.isEmpty { found += 1 }
}
print("retrieval over \(facets.count) facets, \(valueCount) values")
print("  index build: wall best \(ms(builds.min() ?? 0)), worst \(ms(builds.max() ?? 0)); CPU best \(ms(buildsCPU.min() ?? 0)) (3 builds)")
print("  top-10 search, \(queries.count) queries: wall p50 \(ms(percentile(lat, 0.5))), p99 \(ms(percentile(lat, 0.99))); CPU p50 \(ms(percentile(latCPU, 0.5))), p99 \(ms(percentile(latCPU, 0.99))), max \(ms(latCPU.max() ?? 0)); \(found) with hits")

// MARK: 4. `ask --offline` on a generated 1,000-facet catalog (see benchOffline above).

await benchOffline()
_ = root
