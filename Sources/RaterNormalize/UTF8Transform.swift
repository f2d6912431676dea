/// Runs one of the facade's UTF-8 → UTF-8 transforms, which report the size they need and return -1 when the input
/// is already in the wanted form.
///
/// - Returns: the transformed text, or nil when the input needs no change.
func applyUTF8Transform(
    _ text: String, operation: String,
    _ transform: (UnsafePointer<UInt8>, Int64, UnsafeMutablePointer<UInt8>?, Int64, UnsafeMutablePointer<Int32>) -> Int64
) throws -> String? {
    var input = text
    return try input.withUTF8 { bytes -> String? in
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var status: Int32 = 0
        var capacity = bytes.count * 2 + 16
        while true {
            var result: Int64 = 0
            let output = String(unsafeUninitializedCapacity: capacity) { buffer in
                result = transform(base, Int64(bytes.count), buffer.baseAddress, Int64(capacity), &status)
                return result >= 0 && result <= capacity ? Int(result) : 0
            }
            if result == -1 { return nil }
            if result < 0 { throw ICUError(operation: operation, code: status) }
            if result <= capacity { return output }
            capacity = Int(result) + 16
        }
    }
}
