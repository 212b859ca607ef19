import Foundation
import SegmintCore
import SegmintCatalog
import SegmintLLM

/// `segmint catalog enrich`: asks a model for synonyms and descriptions of the catalog's items
/// and turns the accepted ones into text edits of the catalog file (comments and layout kept).
///
/// Only what is missing is proposed and written: synonyms for items without any, descriptions
/// for items without one; what the file says is never rewritten. Values have no synonyms in the
/// catalog format (spec §4), so their proposals are reported for review and not written.
public struct CatalogEnrichment: Sendable {
    /// One item the model may propose for.
    struct Item: Sendable {
        var path: String
        var kind: String
        var name: String
        var attribute: Attribute?
        var event: Event?
        var needsSynonyms: Bool
        var needsDescription: Bool
    }

    /// An accepted proposal.
    public struct Proposal: Sendable, Equatable {
        public var path: String
        public var synonyms: [String]
        public var description: String?
    }

    public struct Result: Sendable {
        /// The catalog text with the proposals applied (equal to the input when none apply).
        public var text: String
        /// A unified-style diff of the change, for review.
        public var diff: String
        /// Proposals that are shown but not written, and proposals that were rejected, with why.
        public var notes: [String]
        public var proposals: [Proposal]
    }

    public struct Failure: Error, CustomStringConvertible, Sendable { public var description: String }

    let catalog: Catalog
    let prompt: Prompt
    let provider: any LLMProvider

    public init(catalog: Catalog, prompt: Prompt, provider: any LLMProvider) {
        self.catalog = catalog; self.prompt = prompt; self.provider = provider
    }

    /// The enrich prompt: from `directory` when given, else built in.
    public static func prompt(directory: String?) throws -> Prompt {
        if let d = directory {
            let path = (d as NSString).appendingPathComponent("enrich.prompt")
            let bytes: [UInt8]
            do { bytes = try FileInput.read(path) } catch { throw PromptError(description: "cannot read prompt \(path): \(error)") }
            return try PromptSet.parse(bytes, path: path, expectedStage: "enrich")
        }
        guard let text = BuiltinPrompts.files["enrich"] else { throw PromptError(description: "the built-in prompts lack enrich") }
        return try PromptSet.parse(Array(text.utf8), path: "<built-in>/enrich.prompt", expectedStage: "enrich")
    }

    /// The proposals written into the catalog's text (see `CatalogTextEdit`).
    public func apply(to text: String, proposals: [Proposal]) -> Result {
        let edit = CatalogTextEdit.apply(text, catalog: catalog, proposals: proposals)
        let written = proposals.filter { !$0.path.hasPrefix("values.") }
        return Result(text: edit.text, diff: edit.diff, notes: edit.notes, proposals: written)
    }

    var items: [Item] {
        var out: [Item] = []
        func values(_ a: Attribute, _ prefix: String) {
            for v in a.values ?? [] { out.append(Item(path: "values.\(prefix).\(v)", kind: "value", name: v, needsSynonyms: true, needsDescription: false)) }
        }
        for f in catalog.facets {
            out.append(Item(path: "facets.\(f.name)", kind: "facet", name: f.name, attribute: f,
                            needsSynonyms: f.synonyms.isEmpty, needsDescription: f.description == nil))
            values(f, f.name)
        }
        for e in catalog.events {
            out.append(Item(path: "events.\(e.name)", kind: "event", name: e.name, event: e,
                            needsSynonyms: e.synonyms.isEmpty, needsDescription: e.description == nil))
            for f in e.fields {
                out.append(Item(path: "events.\(e.name).fields.\(f.name)", kind: "field", name: f.name, attribute: f,
                                needsSynonyms: f.synonyms.isEmpty, needsDescription: f.description == nil))
                values(f, "\(e.name).\(f.name)")
            }
        }
        return out.filter { $0.needsSynonyms || $0.needsDescription }
    }

    /// Asks the model (in batches) and validates every proposal against the catalog.
    public func propose(batchSize: Int = 40) async throws -> (proposals: [Proposal], notes: [String]) {
        let wanted = items
        let byPath = Dictionary(wanted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Set(catalog.facets.map(\.name) + catalog.events.map(\.name) + catalog.events.flatMap { $0.fields.map(\.name) })
        let context = PromptContext(catalog: catalog)
        var proposals: [Proposal] = []
        var notes: [String] = []
        var start = 0
        while start < wanted.count {
            let batch = Array(wanted[start..<min(wanted.count, start + batchSize)])
            start += batchSize
            let user = StageJSON.encode(["entity": catalog.entity.name, "items": batch.map(describe)])
            let response = try await provider.complete(LLMRequest(stage: "enrich", promptVersion: prompt.cacheVersion, system: context.render(prompt),
                                                                  messages: [.user(user)], maxTokens: 4096, temperature: 0, jsonResponse: true))
            let object: [String: Any]
            do { object = try StageJSON.object(response.text) } catch {
                throw Failure(description: "the model's answer is unusable (\(error)); nothing was proposed")
            }
            guard let list = object["items"] as? [Any] else { throw Failure(description: "the model's answer has no \"items\" list; nothing was proposed") }
            for raw in list {
                switch Self.validate(raw, byPath: byPath, names: names) {
                case .success(let p): proposals.append(p)
                case .failure(let why): notes.append("ignored a proposal: \(why.description)")
                }
            }
        }
        return (proposals, notes)
    }

    func describe(_ i: Item) -> [String: Any] {
        var d: [String: Any] = ["path": i.path, "kind": i.kind, "name": i.name]
        if let a = i.attribute {
            d["type"] = a.type.rawValue
            if let v = a.values { d["values"] = Array(v.prefix(40)) }
            if let s = a.description { d["description"] = s }
            if !a.synonyms.isEmpty { d["synonyms"] = a.synonyms }
        }
        if let e = i.event {
            d["fields"] = e.fields.map(\.name)
            if let s = e.description { d["description"] = s }
            if !e.synonyms.isEmpty { d["synonyms"] = e.synonyms }
        }
        return d
    }

    /// One proposal, checked: a known path, synonyms that are short one-line words and not
    /// another item's name, a one-line description; only what the item lacks is kept.
    static func validate(_ raw: Any, byPath: [String: Item], names: Set<String>) -> Swift.Result<Proposal, Failure> {
        guard let d = raw as? [String: Any], let path = d["path"] as? String else { return .failure(Failure(description: "an item without a \"path\"")) }
        guard let item = byPath[path] else { return .failure(Failure(description: "\(JSON.string(path)) is not an item that lacks synonyms or a description")) }
        func clean(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty, !t.contains(where: \.isNewline), t.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else { return nil }
            return t
        }
        var synonyms: [String] = []
        if item.needsSynonyms {
            for s in (d["synonyms"] as? [Any] ?? []).compactMap({ $0 as? String }) {
                guard let t = clean(s), t.count <= 40, t.split(separator: " ").count <= 4 else { continue }
                if names.contains(t) && t != item.name { continue }  // another item's name would mislead retrieval
                if t.lowercased() == item.name.lowercased() || synonyms.contains(t) { continue }
                synonyms.append(t)
            }
            synonyms = Array(synonyms.prefix(4))
        }
        var description: String?
        if item.needsDescription, let s = d["description"] as? String, let t = clean(s), t.count <= 200 { description = t }
        if synonyms.isEmpty && description == nil { return .failure(Failure(description: "nothing usable for \(path)")) }
        return .success(Proposal(path: path, synonyms: synonyms, description: description))
    }
}
