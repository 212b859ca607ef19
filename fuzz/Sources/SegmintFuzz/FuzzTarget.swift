import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
#if canImport(Glibc)
import Glibc
#endif

/// The shipped catalog, loaded once (`SEGMINT_FUZZ_CATALOG` overrides the path).
let catalog: Catalog? = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4) // Sources/SegmintFuzz/FuzzTarget.swift, fuzz/
    let path = getenv("SEGMINT_FUZZ_CATALOG").map { String(cString: $0) } ?? parts.joined(separator: "/") + "/catalogs/retail.yaml"
    return CatalogLoader.load(path: path, sources: SourceMap()).catalog
}()

/// One input: parse (never traps), render the diagnostics, and for clean input check the
/// formatter laws (abort on a violation, so libFuzzer records it) and run the checker.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let sources = SourceMap()
    let source = sources.add(path: "fuzz.seg", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let parsed = Parser.parse(source)
    // Rendering is O(line length) per diagnostic; a few are enough to exercise it.
    _ = DiagnosticRenderer(sources: sources).human(Array(parsed.diagnostics.prefix(8)))
    guard !parsed.diagnostics.hasErrors else { return 0 }

    let once = Formatter.format(parsed.file, source: source)
    let source2 = sources.add(path: "fmt.seg", text: once)
    let reparsed = Parser.parse(source2)
    if reparsed.diagnostics.hasErrors || reparsed.file != parsed.file {
        fputs("formatter changed the meaning or produced bad syntax:\n\(once)\n", stderr)
        abort()
    }
    if Formatter.format(reparsed.file, source: source2) != once {
        fputs("formatter is not idempotent:\n\(once)\n", stderr)
        abort()
    }
    if let catalog {
        let checked = Checker.check(files: [parsed.file], catalog: catalog)
        _ = DiagnosticRenderer(sources: sources).human(Array(checked.diagnostics.prefix(8)))
    }
    return 0
}

// SwiftPM links an executable target with `main` defined as `<Target>_main` (for testable
// executables), so libFuzzer's own `main` is never used. Provide that entry point and hand
// control to libFuzzer's driver.
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzCallback) -> CInt

@_cdecl("SegmintFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { data, size in fuzzOne(data, size) }
}
