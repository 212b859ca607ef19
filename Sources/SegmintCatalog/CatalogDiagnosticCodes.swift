import SegmintCore

/// Codes of the catalog loader (spec §4): `E08xx` errors, `W08xx` warnings; explained in
/// `DiagnosticRegistry` (`Codes+Catalog.swift`).
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

    /// Every catalog code, from the registry.
    public static var all: [DiagnosticCodeEntry] {
        DiagnosticRegistry.all.filter { $0.code.hasPrefix("E08") || $0.code.hasPrefix("W08") }
    }
}
