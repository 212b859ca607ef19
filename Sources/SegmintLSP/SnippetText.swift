/// Plain text of an LSP snippet, for clients without snippet support: `${1:30}` becomes its
/// default `30`, a choice `${1|a,b|}` its first option, tab stops `$1`/`$0` nothing, `\x` x.
enum SnippetText {
    static func plain(_ snippet: String) -> String {
        var out = ""
        var chars = Array(snippet)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                if let next = chars.popFirst() { out.append(next) }
            case "$":
                if chars.first == "{" {
                    chars.removeFirst()
                    while let d = chars.first, d.isNumber { chars.removeFirst() }
                    let kind = chars.popFirst()
                    var body = "", escaped = false, done = false
                    while !done, let d = chars.popFirst() {
                        if escaped { body.append(d); escaped = false; continue }
                        switch d {
                        case "\\": escaped = true
                        case "}": done = true
                        case "," where kind == "|", "|" where kind == "|":
                            // The first option is kept; the rest of the choice is skipped.
                            while let e = chars.popFirst(), e != "}" { if e == "\\" { _ = chars.popFirst() } }
                            done = true
                        default: body.append(d)
                        }
                    }
                    out += body
                } else {
                    while let d = chars.first, d.isNumber { chars.removeFirst() }
                }
            default:
                out.append(c)
            }
        }
        return out
    }
}
