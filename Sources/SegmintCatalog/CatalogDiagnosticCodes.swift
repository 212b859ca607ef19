/// A stable diagnostic code and a one-line description (the README lists them all).
public struct DiagnosticCodeInfo: Sendable, Equatable {
    public let code: String
    public let summary: String
    public init(_ code: String, _ summary: String) { self.code = code; self.summary = summary }
}

/// Codes of the catalog loader (spec §4): `E08xx` errors, `W08xx` warnings.
public enum CatalogCode {
    public static let unreadable = "E0801"
    public static let empty = "E0802"
    public static let notText = "E0803"
    public static let yamlSyntax = "E0804"
    public static let duplicateKey = "E0805"
    public static let wrongShape = "E0806"
    public static let missingKey = "E0807"
    public static let unknownType = "E0808"
    public static let duplicateName = "E0809"
    public static let orderedWithoutValues = "E0810"
    public static let valuesOnNonString = "E0811"
    public static let badStartMonth = "E0812"
    public static let badNamedBy = "E0813"
    public static let invalidName = "E0814"
    public static let reservedName = "E0815"
    public static let badTimeType = "E0816"
    public static let badKind = "E0817"
    public static let duplicateValue = "E0818"
    public static let emptyValues = "E0819"
    public static let emptyString = "E0820"
    public static let unknownKey = "W0801"

    /// Every catalog code with its description, in code order.
    public static let all: [DiagnosticCodeInfo] = [
        .init(unreadable, "catalog file is missing or cannot be read"),
        .init(empty, "catalog file is empty (or holds only comments)"),
        .init(notText, "catalog file is binary or not valid UTF-8"),
        .init(yamlSyntax, "catalog is not valid YAML"),
        .init(duplicateKey, "a key appears twice in one YAML mapping"),
        .init(wrongShape, "a catalog value has the wrong shape (e.g. a list where a mapping belongs, a non-integer start_month)"),
        .init(missingKey, "a required catalog key is missing (name, version, entity, entity name/table/key, facet name/type, event name/table/time)"),
        .init(unknownType, "a facet or field type is not one of string, int, decimal, bool, date, timestamp"),
        .init(duplicateName, "a name is declared twice (facets and events share one namespace; fields are unique within their event)"),
        .init(orderedWithoutValues, "`ordered: true` needs a string facet or field with `values`"),
        .init(valuesOnNonString, "`values` are allowed only on string facets and fields"),
        .init(badStartMonth, "fiscal_year start_month is not in 1...12"),
        .init(badNamedBy, "fiscal_year named_by is not start or end"),
        .init(invalidName, "a facet, field or event name is not an identifier ([A-Za-z_][A-Za-z0-9_]*)"),
        .init(reservedName, "a facet, field or event name is a reserved word of the language"),
        .init(badTimeType, "an event time_type is not date or timestamp"),
        .init(badKind, "`kind` is not model_score, or model_score is used on a non-numeric facet or field"),
        .init(duplicateValue, "a value appears twice in one `values` list"),
        .init(emptyValues, "a `values` list is empty (it would reject every literal)"),
        .init(emptyString, "a name, table or column is empty"),
        .init(unknownKey, "an unknown catalog key (ignored; did-you-mean given when close)"),
    ]
}
