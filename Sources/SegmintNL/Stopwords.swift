/// Words that carry no catalog meaning in a segment request ("customers who have …").
/// Retrieval ignores them; the offline translator does not report them as unmapped.
enum Stopwords {
    static let set: Set<String> = Set([
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "who",
        "whom", "which", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been",
        "have", "has", "had", "having", "do", "did", "does", "their", "they", "them", "there", "it",
        "its", "all", "any", "some", "customer", "client", "people", "person", "user", "shopper",
        "buyer", "member", "account", "everyone", "anyone", "me", "show", "find", "get", "give", "list",
        "select", "segment", "want", "need", "please", "i", "we", "our", "us", "my", "you", "your",
        "also", "both", "either", "as", "well", "into", "than", "then", "living", "live", "life",
        "based", "located", "whose", "where", "what", "ones", "one", "just", "only", "still",
        "currently", "other", "same", "like", "such", "can", "could", "would", "should", "will",
        "audience", "group", "cohort", "set", "up", "out", "what", "all",
    ].map { Words.normalize($0) })
}
