// TODO(#7): replace with SegmintLLM's SHA256.hex once the llm branch lands on main.
enum SHA256Digest {
    static func hex(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}
