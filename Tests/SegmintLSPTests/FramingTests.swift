import Foundation
import XCTest
@testable import SegmintLSP

final class FramingTests: XCTestCase {
    /// The frames a reader finds in `input` (written to a pipe, then end of input).
    func frames(_ input: [UInt8]) -> [FrameReader.Frame] {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(input))
        try? pipe.fileHandleForWriting.close()
        let reader = FrameReader(fd: pipe.fileHandleForReading.fileDescriptor)
        var out: [FrameReader.Frame] = []
        while true {
            let f = reader.next()
            out.append(f)
            if f == .end || out.count > 20 { break }
        }
        return out
    }

    func testWellFormedFrames() {
        let input = Array("Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:3\r\n\r\n[1]".utf8)
        XCTAssertEqual(frames(input), [.message(Array("{}".utf8)), .message(Array("[1]".utf8)), .end])
    }

    func testBareNewlinesAreAccepted() {
        XCTAssertEqual(frames(Array("Content-Length: 2\n\n{}".utf8)), [.message(Array("{}".utf8)), .end])
    }

    func testMalformedHeadersAreSkipped() {
        let input = Array("Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}".utf8)
        XCTAssertEqual(frames(input), [.malformed("no valid Content-Length header"), .message(Array("{}".utf8)), .end])
        let ok = Array("Content-Length: -4\r\n\r\nContent-Length: 2\r\n\r\n{}".utf8)
        XCTAssertEqual(frames(ok).last, .end)
        XCTAssertTrue(frames(ok).contains(.message(Array("{}".utf8))))
    }

    func testTruncatedBodyAndOversizedMessage() {
        XCTAssertEqual(frames(Array("Content-Length: 10\r\n\r\n{}".utf8)), [.malformed("input ended inside a message body"), .end])
        let huge = Array("Content-Length: \(FrameReader.maxBodyBytes + 1)\r\n\r\n{}".utf8)
        XCTAssertEqual(frames(huge).first, .malformed("message of \(FrameReader.maxBodyBytes + 1) bytes is larger than \(FrameReader.maxBodyBytes)"))
    }

    func testEndlessHeaderIsBounded() {
        let input = [UInt8](repeating: 0x41, count: 20_000)
        XCTAssertEqual(frames(input).first, .malformed("header block longer than 8192 bytes without an empty line"))
    }
}
