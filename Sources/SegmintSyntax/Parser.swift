import SegmintCore

/// The parser's product: the AST (possibly partial, after recovery) and every syntax diagnostic.
public struct ParseResult: Sendable {
    public var file: SegFile
    public var diagnostics: [Diagnostic]
    /// Bare words where a value belongs, for help that depends on the facet's type.
    public var bareWords: [BareWord]
    public init(file: SegFile, diagnostics: [Diagnostic], bareWords: [BareWord] = []) {
        self.file = file; self.diagnostics = diagnostics; self.bareWords = bareWords
    }
}

/// A bare word where a value belongs (`email_opt_out = yes`), reported by the parser with
/// generic help. It keeps the facet it was compared with, so a stage that knows the facet's
/// type can say how to write the value (`true` or `false` for a bool).
public struct BareWord: Sendable, Equatable {
    /// The facet or field as written (`email_opt_out`, `purchase.channel`).
    public var subject: FacetRef
    /// The event of the enclosing `has … where`, when the word is inside one.
    public var event: String?
    public var word: String
    /// The word's span, which is also the span of the parser's diagnostic.
    public var span: Span
    public init(subject: FacetRef, event: String?, word: String, span: Span) {
        self.subject = subject; self.event = event; self.word = word; self.span = span
    }
}

/// Hand-written recursive-descent parser for `grammar/segment.ebnf`.
///
/// One function per grammar rule, each quoting its production. Functions that meet a token
/// they cannot use report "expected X, found Y" and return nil without consuming it; the
/// enclosing loop then synchronises (panic mode) to the next condition, item or segment, so
/// one run reports every independent error. Every loop checks that it consumed a token.
/// Recursion happens only through `all`/`any`/`not` and is capped at `maxNesting` levels.
public enum Parser {
    /// Deepest allowed nesting of `all`, `any` and `not` (counted together).
    public static let maxNesting = 100
    /// Parser diagnostics beyond this many stop the parse (one "too many errors" is added).
    static let maxDiagnostics = 500

    /// Parses one source. Never throws or traps: bad input ends in diagnostics.
    public static func parse(_ source: SourceFile) -> ParseResult {
        var p = ParserState(source: source)
        let segments = p.parseFile()
        var diagnostics = p.lexer.diagnostics
        diagnostics.append(contentsOf: p.diagnostics)
        let file = SegFile(segments: segments, comments: p.lexer.comments,
                           span: Span(file: source.id, start: 0, end: source.bytes.count))
        return ParseResult(file: file, diagnostics: diagnostics.sortedForOutput(), bareWords: p.bareWords)
    }
}

/// Diagnostic codes of the parser (the lexer uses E0101–E0110); explained in
/// `DiagnosticRegistry` (`Codes+Syntax.swift`).
public enum ParseCode {
    public static let expected = "E0151"
    public static let tooDeep = "E0152"
    public static let duplicate = "E0153"
    public static let badCount = "E0154"
    public static let reservedName = "E0155"
    public static let badQuarter = "E0156"
    public static let unclosed = "E0157"
    public static let tooMany = "E0160"
}

struct ParserState {
    var lexer: Lexer
    let bytes: [UInt8]
    let fileID: Int
    /// The current token and (lazily) the one after it.
    var tok: Token
    var lookahead: Token?
    /// Count of consumed tokens: loops compare it to prove progress.
    var consumed = 0
    /// End offset of the last consumed token (for spans).
    var lastEnd = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    var stopped = false
    /// The facet whose value is being parsed, and the event of the enclosing `has`.
    var valueSubject: FacetRef?
    var hasEvent: String?
    var bareWords: [BareWord] = []

    init(source: SourceFile) {
        lexer = Lexer(source: source)
        bytes = source.bytes
        fileID = source.id
        tok = lexer.next()
    }

    // MARK: - Token helpers

    mutating func advance() {
        lastEnd = tok.end
        consumed += 1
        if stopped { tok = Token(kind: .eof, start: bytes.count, end: bytes.count); return }
        if let next = lookahead { tok = next; lookahead = nil } else { tok = lexer.next() }
    }

    mutating func peekNext() -> Token {
        if let next = lookahead { return next }
        let next = stopped ? Token(kind: .eof, start: bytes.count, end: bytes.count) : lexer.next()
        lookahead = next
        return next
    }

    @inline(__always) func at(_ kind: TokenKind) -> Bool { tok.kind == kind }

    mutating func accept(_ kind: TokenKind) -> Bool {
        guard tok.kind == kind else { return false }
        advance()
        return true
    }

    func span(from start: Int) -> Span { Span(file: fileID, start: start, end: max(start, lastEnd)) }
    func span(of t: Token) -> Span { Span(file: fileID, start: t.start, end: t.end) }
    func text(of t: Token) -> String {
        String(decoding: bytes[min(t.start, bytes.count)..<min(t.end, bytes.count)], as: UTF8.self)
    }

    mutating func report(_ code: String, _ message: String, at span: Span, help: String? = nil,
                         notes: [Diagnostic.Note] = []) {
        guard !stopped else { return }
        if diagnostics.count >= Parser.maxDiagnostics {
            diagnostics.append(.error(ParseCode.tooMany, "too many syntax errors; stopping here", at: span))
            stopped = true
            tok = Token(kind: .eof, start: bytes.count, end: bytes.count)
            lookahead = nil
            return
        }
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: span, help: help, notes: notes))
    }

    /// Reports `expected <what>, found <current token>` at the current token.
    mutating func expected(_ what: String, help: String? = nil) {
        if tok.kind == .invalid { return } // the lexer has reported it
        report(ParseCode.expected, "expected \(what), found \(describe(tok))", at: span(of: tok), help: help)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of file"
        case .invalid: return "\"\(text(of: t))\""
        case .ident: return "identifier \"\(text(of: t))\""
        case .string:
            let s = Lexer.decodeString(bytes, t)
            return "string " + StringLiteral.quote(s.count > 30 ? String(s.prefix(30)) + "…" : s)
        case .int, .decimal: return "number \(text(of: t))"
        case .date: return "date \(text(of: t))"
        default:
            let spelling = t.kind.fixedText ?? text(of: t)
            return t.kind.isKeyword ? "keyword \"\(spelling)\"" : "\"\(spelling)\""
        }
    }

    /// `did you mean "include"?` when the identifier `word` is a near-miss of one of `keywords`.
    func keywordHint(_ word: String, _ keywords: [TokenKind]) -> String? {
        guard let k = Suggest.closest(to: word, in: keywords.compactMap(\.fixedText)) else { return nil }
        return "did you mean \"\(k)\"?"
    }

    /// The current token as an identifier's text, or nil when it is not one.
    var identText: String? { at(.ident) ? text(of: tok) : nil }

    /// A `{` that the end of the file, the next segment or the next item reached before its
    /// `}`: reported at the `{` itself, with a note where the parser gave up on it.
    mutating func reportUnclosed(_ open: Int, of what: String) {
        let note: Diagnostic.Note
        if at(.eof) {
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x09 { end -= 1 }
            note = Diagnostic.Note(span: Span(file: fileID, start: end, end: end), message: "the file ends here")
        } else {
            note = Diagnostic.Note(span: span(of: tok), message: "\(describe(tok)) comes before the \"}\"")
        }
        report(ParseCode.unclosed, "unclosed \"{\" of \(what)", at: Span(file: fileID, start: open, end: open + 1),
               help: "add \"}\" to close it", notes: [note])
    }

    /// Consumes one token that no rule could use, so a loop always moves forward.
    mutating func skipStuck(_ what: String) {
        expected(what)
        if !at(.eof) { advance() }
    }

    /// True when the current token begins a condition.
    var atConditionStart: Bool {
        switch tok.kind {
        case .kwAll, .kwAny, .kwNot, .kwIn, .kwHas, .ident: return true
        default: return false
        }
    }

    var atItemStart: Bool {
        switch tok.kind {
        case .kwDescription, .kwAsOf, .kwInclude, .kwExclude: return true
        default: return false
        }
    }

    /// Panic mode: skips to the next `}`, item keyword, `segment`, end, or condition start
    /// that begins a line. Conditions are written one per line, so a name later on the line
    /// of an error is more likely debris of the broken condition than a new one.
    mutating func syncToCondition() {
        while !at(.eof), !at(.rbrace), !at(.kwSegment), !atItemStart {
            if atConditionStart, newlineBeforeToken { return }
            advance()
        }
    }

    /// True when a line break separates the current token from the previous one.
    var newlineBeforeToken: Bool {
        var i = min(lastEnd, bytes.count)
        let end = min(tok.start, bytes.count)
        if consumed == 0 { return true }
        while i < end { if bytes[i] == 0x0A || bytes[i] == 0x0D { return true }; i += 1 }
        return false
    }

    /// Panic mode at segment level: skips to the next item keyword, `}`, `segment` or end,
    /// stepping over whole `{ … }` groups so their contents do not look like items.
    mutating func syncToItem() {
        var braces = 0
        while !at(.eof), !at(.kwSegment) {
            if braces == 0, at(.rbrace) || atItemStart { return }
            if at(.lbrace) { braces += 1 } else if at(.rbrace) { braces -= 1 }
            advance()
        }
    }

    // MARK: - Rules

    /// `file = { segment } ;`
    mutating func parseFile() -> [SegmentDecl] {
        var segments: [SegmentDecl] = []
        while !at(.eof) {
            let before = consumed
            if at(.kwSegment) {
                if let s = parseSegment() { segments.append(s) }
            } else {
                expected("\"segment\"", help: identText.flatMap { keywordHint($0, [.kwSegment]) }
                         ?? (atConditionStart || atItemStart ? "declare a segment first: segment name { include { … } }" : nil))
                while !at(.eof), !at(.kwSegment) { advance() }
            }
            if consumed == before { skipStuck("\"segment\"") }
        }
        return segments
    }

    /// `segment = "segment" IDENT [ STRING ] "{" { item } "}" ;`
    mutating func parseSegment() -> SegmentDecl? {
        let start = tok.start
        advance() // "segment"
        guard let name = parseName("a segment name") else {
            // Skip the broken header up to its body or the next segment.
            while !at(.eof), !at(.kwSegment), !at(.lbrace) { advance() }
            if at(.kwSegment) || at(.eof) { return nil }
            return parseSegmentBody(name: Ident(name: "", span: span(of: tok)), title: nil, start: start)
        }
        var title: StringLiteral?
        if at(.string) {
            title = StringLiteral(value: Lexer.decodeString(bytes, tok), span: span(of: tok))
            advance()
        }
        return parseSegmentBody(name: name, title: title, start: start)
    }

    mutating func parseSegmentBody(name: Ident, title: StringLiteral?, start: Int) -> SegmentDecl? {
        let open: Int? = at(.lbrace) ? tok.start : nil
        if !accept(.lbrace) {
            expected("\"{\" to open segment \"\(name.name)\"")
            // Carry on as if the brace were there when items follow; else give up on this segment.
            guard atItemStart else {
                syncToItem()
                if !accept(.rbrace) { return nil }
                return SegmentDecl(name: name, title: title, items: [], span: span(from: start))
            }
        }
        var items: [SegmentItem] = []
        // Span of the first item of each kind, in itemKeyword order (no dictionary per segment).
        var first: [Span?] = [nil, nil, nil, nil]
        while !at(.rbrace) {
            let before = consumed
            if at(.eof) || at(.kwSegment) {
                if let open { reportUnclosed(open, of: "segment \"\(name.name)\"") } else { expected("\"}\" to close segment \"\(name.name)\"") }
                return SegmentDecl(name: name, title: title, items: items, span: span(from: start))
            }
            if let item = parseItem() {
                let (keyword, slot) = itemKeyword(item)
                if let earlier = first[slot] {
                    report(ParseCode.duplicate, "duplicate \(keyword) in segment \"\(name.name)\"",
                           at: item.span, help: "a segment holds at most one \(keyword); merge them",
                           notes: [Diagnostic.Note(span: earlier, message: "first \(keyword) here")])
                } else {
                    first[slot] = item.span
                }
                items.append(item)
            } else {
                syncToItem()
            }
            if consumed == before { skipStuck("description, as_of, include, exclude or \"}\"") }
        }
        advance() // "}"
        return SegmentDecl(name: name, title: title, items: items, span: span(from: start))
    }

    func itemKeyword(_ item: SegmentItem) -> (String, Int) {
        switch item {
        case .description: return ("description", 0)
        case .asOf: return ("as_of", 1)
        case .include: return ("include", 2)
        case .exclude: return ("exclude", 3)
        }
    }

    /// `item = "description" STRING | "as_of" DATE | "include" block | "exclude" block ;`
    mutating func parseItem() -> SegmentItem? {
        let start = tok.start
        switch tok.kind {
        case .kwDescription:
            advance()
            guard at(.string) else { expected("a string after description"); return nil }
            let s = StringLiteral(value: Lexer.decodeString(bytes, tok), span: span(of: tok))
            advance()
            return .description(s, span(from: start))
        case .kwAsOf:
            advance()
            guard let d = parseDate("a date (YYYY-MM-DD) after as_of") else { return nil }
            return .asOf(d, span(from: start))
        case .kwInclude:
            advance()
            guard let b = parseBlock(of: "include") else { return nil }
            return .include(b, span(from: start))
        case .kwExclude:
            advance()
            guard let b = parseBlock(of: "exclude") else { return nil }
            return .exclude(b, span(from: start))
        default:
            expected("description, as_of, include, exclude or \"}\"",
                     help: identText.flatMap { keywordHint($0, [.kwInclude, .kwExclude, .kwDescription, .kwAsOf]) }
                         ?? (atConditionStart ? "conditions go inside include { … } or exclude { … }" : nil))
            return nil
        }
    }

    /// `block = "{" { condition } "}" ;`
    mutating func parseBlock(of owner: String) -> Block? {
        let start = tok.start
        guard accept(.lbrace) else { expected("\"{\""); return nil }
        var conditions: [Condition] = []
        while !accept(.rbrace) {
            let before = consumed
            if at(.eof) || at(.kwSegment) || atItemStart {
                // The block was never closed: report once, at its "{", and let the segment carry on.
                reportUnclosed(start, of: owner)
                return Block(conditions: conditions, span: span(from: start))
            }
            if atConditionStart {
                if let c = parseCondition() { conditions.append(c) } else { syncToCondition() }
            } else {
                expected("a condition or \"}\"")
                advance()
                syncToCondition()
            }
            if consumed == before { skipStuck("a condition or \"}\"") }
        }
        return Block(conditions: conditions, span: span(from: start))
    }

    /// `condition = ( "all" block | "any" block | "not" condition | "in" "segment" IDENT
    ///              | "has" IDENT [ "where" predicate { "and" predicate } ] [ window ] [ aggregate ]
    ///              | predicate ) { tag } ;`
    mutating func parseCondition() -> Condition? {
        let start = tok.start
        let kind: ConditionKind?
        switch tok.kind {
        case .kwAll, .kwAny, .kwNot:
            guard enterNesting() else { return nil }
            kind = parseNested()
            depth -= 1
        default:
            kind = parseLeafCondition()
        }
        guard let kind else { return nil }
        return Condition(kind: kind, tags: parseTags(), span: span(from: start))
    }

    /// Counts one more level of all/any/not; past `maxNesting`, reports once and skips.
    @inline(never)
    mutating func enterNesting() -> Bool {
        guard depth < Parser.maxNesting else {
            report(ParseCode.tooDeep, "nesting too deep: more than \(Parser.maxNesting) levels of all, any and not",
                   at: span(of: tok), help: "split the condition into named segments and use in segment")
            skipNested()
            return false
        }
        depth += 1
        return true
    }

    /// `"all" block | "any" block | "not" condition` (the recursive alternatives).
    mutating func parseNested() -> ConditionKind? {
        let keyword = tok.kind
        advance()
        if keyword == .kwNot {
            guard atConditionStart else { expected("a condition after not"); return nil }
            guard let inner = parseCondition() else { return nil }
            return .not(inner)
        }
        guard let block = parseBlock(of: keyword == .kwAll ? "all" : "any") else { return nil }
        return keyword == .kwAll ? .all(block) : .any(block)
    }

    /// The non-recursive conditions: `"in" "segment" IDENT`, `has …`, `predicate`. Kept out
    /// of `parseCondition` (never inlined) so the frame that recursion repeats stays small.
    @inline(never)
    mutating func parseLeafCondition() -> ConditionKind? {
        switch tok.kind {
        case .kwIn:
            advance()
            guard accept(.kwSegment) else {
                expected("\"segment\" after in", help: "a condition starting with in is written: in segment name")
                return nil
            }
            guard let name = parseName("a segment name") else { return nil }
            return .inSegment(name)
        case .kwHas:
            guard let has = parseHas() else { return nil }
            return .has(has)
        default:
            guard let p = parsePredicate() else { return nil }
            return .predicate(p)
        }
    }

    /// `{ tag }` after a complete condition.
    @inline(never)
    mutating func parseTags() -> [GroundingTag] {
        var tags: [GroundingTag] = []
        while at(.lbracket), peekIsTagKind() {
            let before = consumed
            if let t = parseTag() { tags.append(t) }
            if consumed == before { skipStuck("a grounding tag") }
        }
        return tags
    }

    /// After nesting got too deep: skips to the `}` that closes the enclosing block (or the
    /// next segment), iteratively, so depth of input never becomes depth of recursion.
    mutating func skipNested() {
        var braces = 0
        while !at(.eof) {
            if at(.lbrace) { braces += 1 } else if at(.rbrace) {
                if braces == 0 { return }
                braces -= 1
            } else if at(.kwSegment), braces == 0 { return }
            advance()
        }
    }

    mutating func peekIsTagKind() -> Bool {
        let next = peekNext()
        guard next.kind == .ident else { return false }
        let t = text(of: next)
        return t == "RETRIEVED" || t == "INFERRED"
    }

    /// `has IDENT [ "where" predicate { "and" predicate } ] [ window ] [ aggregate ]`
    ///
    /// Inside `where`, a predicate's own window binds first (`where ordered_at during last 3
    /// days`); `during` after a complete predicate is the window of the whole `has`.
    mutating func parseHas() -> HasCondition? {
        advance() // "has"
        guard let event = parseName("an event name after has") else { return nil }
        var predicates: [Predicate] = []
        if accept(.kwWhere) {
            hasEvent = event.name
            defer { hasEvent = nil }
            repeat {
                guard let p = parsePredicate() else { return nil }
                predicates.append(p)
            } while accept(.kwAnd)
        }
        var window: Window?
        if at(.kwDuring) || at(.kwSince) || at(.kwBefore) {
            guard let w = parseWindow() else { return nil }
            window = w
        }
        var aggregate: Aggregate?
        switch tok.kind {
        case .kwCount, .kwSum, .kwAvg, .kwMin, .kwMax, .kwCountDistinct:
            guard let a = parseAggregate() else { return nil }
            aggregate = a
        default: break
        }
        return HasCondition(event: event, predicates: predicates, window: window, aggregate: aggregate)
    }

    /// `predicate = facet ( CMP value | [ "not" ] "in" list | "between" value "and" value
    ///             | "contains" STRING | "starts_with" STRING | "is" [ "not" ] "missing" | window ) ;`
    mutating func parsePredicate() -> Predicate? {
        let start = tok.start
        guard let facet = parseFacet() else { return nil }
        valueSubject = facet
        defer { valueSubject = nil }
        let test: PredicateTest
        switch tok.kind {
        case .eq, .ne, .lt, .le, .gt, .ge:
            let op = comparison(tok.kind)
            advance()
            guard let v = parseValue() else { return nil }
            test = .compare(op, v)
        case .kwNot:
            advance()
            guard accept(.kwIn) else { expected("\"in\" after not", help: "write: facet not in [\"a\", \"b\"]"); return nil }
            guard let l = parseList() else { return nil }
            test = .inList(negated: true, l)
        case .kwIn:
            advance()
            guard let l = parseList() else { return nil }
            test = .inList(negated: false, l)
        case .kwBetween:
            advance()
            guard let lo = parseValue() else { return nil }
            guard accept(.kwAnd) else { expected("\"and\" in between … and …"); return nil }
            guard let hi = parseValue() else { return nil }
            test = .between(lo, hi)
        case .kwContains, .kwStartsWith:
            let isContains = at(.kwContains)
            advance()
            guard at(.string) else { expected("a string after \(isContains ? "contains" : "starts_with")"); return nil }
            let s = StringLiteral(value: Lexer.decodeString(bytes, tok), span: span(of: tok))
            advance()
            test = isContains ? .contains(s) : .startsWith(s)
        case .kwIs:
            advance()
            let negated = accept(.kwNot)
            guard accept(.kwMissing) else {
                expected("\"missing\" after is", help: identText.flatMap { keywordHint($0, [.kwMissing]) } ?? "write: facet is missing, or facet is not missing")
                return nil
            }
            test = .isMissing(negated: negated)
        case .kwDuring, .kwSince, .kwBefore:
            guard let w = parseWindow() else { return nil }
            test = .window(w)
        default:
            expected("an operator after \"\(facet)\" (=, !=, <, <=, >, >=, in, not in, between, contains, starts_with, is) or a window",
                     help: misspeltKeywordHelp(facet))
            return nil
        }
        return Predicate(facet: facet, test: test, span: span(from: start))
    }

    /// After `facet` no operator follows: either the current word is a misspelt operator
    /// (`age betwen 1 and 5`), or the "facet" itself was a misspelt keyword (`has order wher …`).
    func misspeltKeywordHelp(_ facet: FacetRef) -> String? {
        if let word = identText, let hint = keywordHint(word, [.kwIn, .kwBetween, .kwContains, .kwStartsWith, .kwIs, .kwNot,
                                                                .kwDuring, .kwSince, .kwBefore]) {
            return hint
        }
        guard facet.member == nil,
              let hint = keywordHint(facet.base.name, [.kwWhere, .kwDuring, .kwSince, .kwBefore, .kwAll, .kwAny, .kwNot, .kwHas,
                                                       .kwIn, .kwCount, .kwCountDistinct, .kwSum, .kwAvg, .kwMin, .kwMax])
        else { return nil }
        return "\"\(facet.base.name)\" is not a keyword; \(hint)"
    }

    func comparison(_ kind: TokenKind) -> ComparisonOp {
        switch kind {
        case .ne: return .ne
        case .lt: return .lt
        case .le: return .le
        case .gt: return .gt
        case .ge: return .ge
        default: return .eq
        }
    }

    /// `facet = IDENT [ "." IDENT ] ;`
    mutating func parseFacet() -> FacetRef? {
        let start = tok.start
        guard let base = parseName("a facet name") else { return nil }
        var member: Ident?
        if accept(.dot) {
            guard let m = parseName("a field name after \".\"") else { return nil }
            member = m
        }
        return FacetRef(base: base, member: member, span: span(from: start))
    }

    /// `IDENT = [A-Za-z_][A-Za-z0-9_]*` that is not a reserved word. A reserved word where a
    /// name belongs is reported and used as the name, so parsing carries on.
    mutating func parseName(_ what: String) -> Ident? {
        if at(.ident) {
            let id = Ident(name: text(of: tok), span: span(of: tok))
            advance()
            return id
        }
        if tok.kind.isKeyword, let spelling = tok.kind.fixedText {
            report(ParseCode.reservedName, "expected \(what), found keyword \"\(spelling)\"", at: span(of: tok),
                   help: "\"\(spelling)\" is a reserved word and cannot be used as a name")
            let id = Ident(name: spelling, span: span(of: tok))
            advance()
            return id
        }
        expected(what)
        return nil
    }

    /// `value = STRING | number | DATE | "true" | "false" ;`
    mutating func parseValue() -> Literal? {
        let s = span(of: tok)
        let value: LiteralValue
        switch tok.kind {
        case .string: value = .string(Lexer.decodeString(bytes, tok))
        case .int, .decimal: value = .number(NumberLiteral(text: text(of: tok), isDecimal: tok.kind == .decimal))
        case .date:
            // An impossible date was reported by the lexer; fail quietly so recovery takes over.
            guard let d = CivilDate(iso: text(of: tok)) else { return nil }
            value = .date(d)
        case .kwTrue: value = .bool(true)
        case .kwFalse: value = .bool(false)
        default:
            if at(.ident), let subject = valueSubject, !stopped {
                bareWords.append(BareWord(subject: subject, event: hasEvent, word: text(of: tok), span: span(of: tok)))
            }
            expected("a value (string, number, date, true or false)",
                     help: at(.ident) ? "write text in double quotes: \"\(text(of: tok))\""
                         : at(.eq) ? "equality is a single =" : nil)
            return nil
        }
        advance()
        return Literal(value: value, span: s)
    }

    /// `DATE`. An impossible date (2025-02-30) was reported by the lexer: fail without a
    /// second diagnostic so the caller's recovery takes over.
    mutating func parseDate(_ what: String) -> DateLiteral? {
        guard at(.date) else { expected(what); return nil }
        guard let date = CivilDate(iso: text(of: tok)) else { return nil }
        let d = DateLiteral(date: date, span: span(of: tok))
        advance()
        return d
    }

    /// `list = "[" [ value { "," value } [ "," ] ] "]" ;`
    mutating func parseList() -> ListLiteral? {
        let start = tok.start
        guard accept(.lbracket) else { expected("a list like [\"a\", \"b\"]"); return nil }
        var values: [Literal] = []
        while !accept(.rbracket) {
            let before = consumed
            guard let v = parseValue() else { return nil }
            values.append(v)
            if !accept(.comma), !at(.rbracket) { expected("\",\" or \"]\" in list"); return nil }
            if consumed == before { skipStuck("a value or \"]\"") }
        }
        return ListLiteral(values: values, span: span(from: start))
    }

    /// `window = "during" period | "since" DATE | "before" DATE ;`
    /// `period = "last" INT UNIT | DATE "to" DATE | "fiscal_year" INT | "fiscal_quarter" INT QUARTER ;`
    mutating func parseWindow() -> Window? {
        let start = tok.start
        switch tok.kind {
        case .kwSince:
            advance()
            guard let d = parseDate("a date (YYYY-MM-DD) after since") else { return nil }
            return Window(kind: .since(d.date), span: span(from: start))
        case .kwBefore:
            advance()
            guard let d = parseDate("a date (YYYY-MM-DD) after before") else { return nil }
            return Window(kind: .before(d.date), span: span(from: start))
        default:
            advance() // "during"
        }
        switch tok.kind {
        case .kwLast:
            advance()
            guard let n = parseInt("a whole number after last") else { return nil }
            if n.value < 1 {
                report(ParseCode.badCount, "last needs a number of at least 1, found \(n.value)", at: n.span)
            }
            guard let unit = parseUnit() else { return nil }
            return Window(kind: .last(n.value, unit), span: span(from: start))
        case .date:
            guard let from = parseDate("a date") else { return nil }
            guard accept(.kwTo) else { expected("\"to\" in a date range (2025-01-01 to 2025-03-31)"); return nil }
            guard let to = parseDate("a date (YYYY-MM-DD) after to") else { return nil }
            return Window(kind: .range(from.date, to.date), span: span(from: start))
        case .kwFiscalYear:
            advance()
            guard let y = parseInt("a year after fiscal_year") else { return nil }
            return Window(kind: .fiscalYear(y.value), span: span(from: start))
        case .kwFiscalQuarter:
            advance()
            guard let y = parseInt("a year after fiscal_quarter") else { return nil }
            guard at(.ident) else { expected("a quarter (Q1, Q2, Q3 or Q4)"); return nil }
            let q = text(of: tok)
            let quarter: Int
            switch q {
            case "Q1": quarter = 1
            case "Q2": quarter = 2
            case "Q3": quarter = 3
            case "Q4": quarter = 4
            default:
                report(ParseCode.badQuarter, "expected a quarter (Q1, Q2, Q3 or Q4), found \"\(q)\"", at: span(of: tok),
                       help: ["q1", "q2", "q3", "q4"].contains(q) ? "quarters are written in capitals: \(q.uppercased())" : nil)
                quarter = 1
            }
            advance()
            return Window(kind: .fiscalQuarter(y.value, quarter), span: span(from: start))
        default:
            expected("a period after during (last N days, DATE to DATE, fiscal_year N, fiscal_quarter N Q1)")
            return nil
        }
    }

    /// `INT`: a whole number (negative allowed here; callers check the range they need).
    mutating func parseInt(_ what: String) -> (value: Int, span: Span)? {
        guard at(.int) else { expected(what); return nil }
        // Out-of-range literals were reported by the lexer; they stand in as 1.
        let v = Int(text(of: tok)) ?? 1
        let s = span(of: tok)
        advance()
        return (v, s)
    }

    /// `UNIT = "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" ;`
    mutating func parseUnit() -> TimeUnit? {
        let unit: TimeUnit
        switch tok.kind {
        case .kwDay, .kwDays: unit = .day
        case .kwWeek, .kwWeeks: unit = .week
        case .kwMonth, .kwMonths: unit = .month
        case .kwYear, .kwYears: unit = .year
        default:
            expected("a unit (days, weeks, months or years)",
                     help: identText.flatMap { keywordHint($0, [.kwDays, .kwWeeks, .kwMonths, .kwYears]) })
            return nil
        }
        advance()
        return unit
    }

    /// `aggregate = ( "count" | AGG "(" IDENT ")" ) ( CMP number | "between" number "and" number ) ;`
    mutating func parseAggregate() -> Aggregate? {
        let start = tok.start
        let function: AggregateFunction
        if accept(.kwCount) {
            function = .count
        } else {
            let kind = tok.kind
            let keyword = tok.kind.fixedText ?? ""
            advance()
            guard accept(.lparen) else { expected("\"(\" after \(keyword)", help: "write: \(keyword)(field)"); return nil }
            guard let field = parseName("a field name") else { return nil }
            guard accept(.rparen) else { expected("\")\""); return nil }
            switch kind {
            case .kwSum: function = .sum(field)
            case .kwAvg: function = .avg(field)
            case .kwMin: function = .min(field)
            case .kwMax: function = .max(field)
            default: function = .countDistinct(field)
            }
        }
        let testStart = tok.start
        let test: AggregateTest
        switch tok.kind {
        case .eq, .ne, .lt, .le, .gt, .ge:
            let op = comparison(tok.kind)
            advance()
            guard let n = parseNumber() else { return nil }
            test = .compare(op, n, span(from: testStart))
        case .kwBetween:
            advance()
            guard let lo = parseNumber() else { return nil }
            guard accept(.kwAnd) else { expected("\"and\" in between … and …"); return nil }
            guard let hi = parseNumber() else { return nil }
            test = .between(lo, hi, span(from: testStart))
        default:
            expected("a comparison after \(function.keyword) (=, !=, <, <=, >, >= or between)")
            return nil
        }
        return Aggregate(function: function, test: test, span: span(from: start))
    }

    /// `number = INT | DECIMAL ;`
    mutating func parseNumber() -> NumberLiteral? {
        guard at(.int) || at(.decimal) else { expected("a number"); return nil }
        let n = NumberLiteral(text: text(of: tok), isDecimal: at(.decimal))
        advance()
        return n
    }

    /// `tag = "[" ( "RETRIEVED" | "INFERRED" ) ":" ( facet | value ) [ "from" STRING ] "]" ;`
    ///
    /// A broken tag is skipped up to its `]`, so the condition it follows is kept.
    mutating func parseTag() -> GroundingTag? {
        let start = tok.start
        advance() // "["
        let kind: GroundingTag.Kind = text(of: tok) == "RETRIEVED" ? .retrieved : .inferred
        advance()
        guard let tag = parseTagRest(kind: kind, start: start) else {
            while !at(.eof), !at(.rbracket), !at(.rbrace), !at(.kwSegment) { advance() }
            _ = accept(.rbracket)
            return nil
        }
        return tag
    }

    mutating func parseTagRest(kind: GroundingTag.Kind, start: Int) -> GroundingTag? {
        guard accept(.colon) else { expected("\":\" after \(kind.rawValue)"); return nil }
        let subject: GroundingTag.Subject
        if at(.ident) || (tok.kind.isKeyword && !isValueKeyword(tok.kind)) {
            guard let f = parseFacet() else { return nil }
            subject = .name(f)
        } else {
            guard let v = parseValue() else { return nil }
            subject = .value(v)
        }
        var from: StringLiteral?
        if accept(.kwFrom) {
            guard at(.string) else { expected("a string after from"); return nil }
            from = StringLiteral(value: Lexer.decodeString(bytes, tok), span: span(of: tok))
            advance()
        }
        guard accept(.rbracket) else { expected("\"]\" to close the tag"); return nil }
        return GroundingTag(kind: kind, subject: subject, from: from, span: span(from: start))
    }

    func isValueKeyword(_ kind: TokenKind) -> Bool { kind == .kwTrue || kind == .kwFalse }
}
