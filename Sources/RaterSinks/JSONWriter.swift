/// A small JSON text builder with RFC 8259 string escaping.
///
/// Hand-written rather than Foundation's JSONEncoder: the output keeps a documented key order (the JSONL contract
/// other tools rely on), and it is several times faster per record, which matters at millions of comments a night.
/// The hot path (one call per key and value, millions per run) avoids intermediate `String`s: numbers are formatted
/// into the byte buffer directly and strings are copied in one piece unless they need escaping.
///
/// The writer owns its buffer and cannot be copied (`~Copyable`): a result takes some 200 appends, and an `Array`
/// checks on every one whether its storage is shared before writing, a runtime call that cost as much as the
/// writing. A writer is built, filled and read out by one function, so it never needed to be copied.
public struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the value being written at each open level needs a comma first: bit `depth` of `commaBits` for the
    /// innermost level, deeper levels (rare) spill into `deeperCommas`.
    private var commaBits: UInt64 = 0
    private var depth = 0
    private var deeperCommas: [Bool] = []

    /// Four kilobytes hold a typical result with its explanation (1–2 KB), so most records never grow the buffer.
    public init() {
        capacity = 4_096
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The JSON text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// How many bytes have been written: where the next value will start.
    public var byteCount: Int { count }

    /// The text written since byte `start` (a `byteCount` taken before writing a value): that value alone, as
    /// another writer would write it on its own.
    public func text(since start: Int) -> String {
        precondition(start >= 0 && start <= count, "a start within the text written")
        return String(decoding: UnsafeBufferPointer(start: storage + start, count: count - start), as: UTF8.self)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(contentsOf buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        if capacity - count < buffer.count { grow(toHold: buffer.count) }
        Self.copy(from: UnsafeRawPointer(base), to: UnsafeMutableRawPointer(storage + count), length: buffer.count)
        count += buffer.count
    }

    /// Copies `length` (at least 1) bytes. Keys, labels, numbers and most terms are a few bytes: entering memcpy
    /// costs more than copying them (about a million such copies per 10,000 results), so up to 16 bytes are moved
    /// as two overlapping words.
    @inline(__always)
    private static func copy(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, length: Int) {
        if length >= 8 && length <= 16 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self),
                              toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 && length < 8 {
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self),
                              toByteOffset: length - 4, as: UInt32.self)
        } else if length < 4 {
            target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
            if length > 1 { target.storeBytes(of: source.load(fromByteOffset: 1, as: UInt8.self), toByteOffset: 1,
                                              as: UInt8.self) }
            if length > 2 { target.storeBytes(of: source.load(fromByteOffset: 2, as: UInt8.self), toByteOffset: 2,
                                              as: UInt8.self) }
        } else {
            target.copyMemory(from: source, byteCount: length)
        }
    }

    /// Appends text written into the code as it is (a fixed key, bracket or separator of a known shape).
    @inline(__always)
    mutating func append(contentsOf text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    private mutating func grow(toHold extra: Int) {
        var newCapacity = capacity * 2
        while newCapacity - count < extra { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    public mutating func beginObject() { value(); append(UInt8(ascii: "{")); push() }
    public mutating func endObject() { pop(); append(UInt8(ascii: "}")) }
    public mutating func beginArray() { value(); append(UInt8(ascii: "[")); push() }
    public mutating func endArray() { pop(); append(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        value()
        appendString(name)
        append(UInt8(ascii: ":"))
        setNeedsComma(false)
    }

    public mutating func string(_ text: String) { value(); appendString(text) }
    public mutating func int(_ number: Int) { value(); appendInteger(number) }
    public mutating func bool(_ flag: Bool) { value(); append(contentsOf: flag ? "true" : "false") }
    public mutating func null() { value(); append(contentsOf: "null") }

    /// Numbers are rounded to `digits` decimals: scores do not need 17 significant digits, and short numbers keep
    /// the output small and stable across platforms.
    public mutating func number(_ number: Double, digits: Int = 4) {
        value()
        appendNumber(number, digits: digits)
    }

    /// A number's text, without the comma `number(_:digits:)` puts before it.
    @inline(__always)
    mutating func appendNumber(_ number: Double, digits: Int = 4) {
        // The common case (a result writes some 40 numbers, nearly all scores and weights to four digits). Below
        // 1e11 the number of ten-thousandths is below 1e15, where a Double holds every integer exactly. NaN and the
        // infinities fail the comparison and take the general path.
        if digits == 4 && abs(number) < 1e11 {
            appendTenThousandths(Int((number * 10_000).rounded()))
        } else {
            appendGeneralNumber(number, digits: digits)
        }
    }

    private mutating func appendGeneralNumber(_ number: Double, digits: Int) {
        guard number.isFinite else { append(contentsOf: "null"); return }
        guard abs(number) < 1e15 else { appendText("\(number)"); return }
        if digits >= 0 && digits <= 4 {
            // Rounded to a whole number of units of 10^-digits and written from that integer. Below 1e15 units the
            // integer is exact, and k / 10^digits is then the shortest form of its double, which is what Swift's
            // `description` writes: the same text as the general path below, without formatting a Double.
            // `JSONWriterTests` compares the two.
            let unit = Self.powerOfTen(digits)
            let scaled = (number * Double(unit)).rounded()
            if abs(scaled) < 1e15 {
                if digits == 4 {
                    appendTenThousandths(Int(scaled))
                } else {
                    appendFixedPoint(Int(scaled), digits: digits, unit: unit)
                }
                return
            }
        }
        var scale = 1.0
        for _ in 0..<max(digits, 0) { scale *= 10 }
        let rounded = (number * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            appendInteger(Int(rounded))
        } else {
            appendText(String(rounded))
        }
    }

    private static func powerOfTen(_ digits: Int) -> Int {
        var power = 1
        for _ in 0..<digits { power *= 10 }
        return power
    }

    /// `appendFixedPoint` for four digits, the default, in straight-line code: the four fraction digits are
    /// written at once and the trailing zeros dropped by moving the end back, instead of a division loop.
    @inline(__always)
    private mutating func appendTenThousandths(_ units: Int) {
        let magnitude = units.magnitude
        let whole = magnitude / 10_000
        let fraction = magnitude - whole * 10_000
        if units < 0 { append(UInt8(ascii: "-")) }
        appendInteger(Int(whole))
        guard fraction != 0 else { return }
        if capacity - count < 5 { grow(toHold: 5) }
        let high = fraction / 100
        let low = fraction - high * 100
        let target = storage + count
        target[0] = UInt8(ascii: ".")
        target[1] = 0x30 + UInt8(high / 10)
        target[2] = 0x30 + UInt8(high % 10)
        target[3] = 0x30 + UInt8(low / 10)
        target[4] = 0x30 + UInt8(low % 10)
        let length = low == 0 ? (high % 10 == 0 ? 1 : 2) : (low % 10 == 0 ? 3 : 4)
        count += 1 + length
    }

    /// A key written into the code (the result schema's own names): ASCII with nothing to escape, so its bytes are
    /// copied as they are. Same output as `key(_:)`.
    public mutating func member(_ name: StaticString) {
        guard name.hasPointerRepresentation, depth < 64 else {
            value()
            append(UInt8(ascii: "\""))
            append(contentsOf: name)
            append(UInt8(ascii: "\""))
            append(UInt8(ascii: ":"))
            setNeedsComma(false)
            return
        }
        // The common case in one piece: `,"name":` with a single capacity check (a result writes some 60 keys).
        let length = name.utf8CodeUnitCount
        if capacity - count < length + 4 { grow(toHold: length + 4) }
        let bit: UInt64 = 1 << UInt64(depth)
        var target = storage + count
        if commaBits & bit != 0 {
            target.pointee = UInt8(ascii: ",")
            target += 1
        }
        commaBits &= ~bit  // the value after a key takes no comma; the next key sets it again
        target.pointee = UInt8(ascii: "\"")
        if length > 0 { Self.copy(from: UnsafeRawPointer(name.utf8Start), to: UnsafeMutableRawPointer(target + 1),
                                  length: length) }
        target[length + 1] = UInt8(ascii: "\"")
        target[length + 2] = UInt8(ascii: ":")
        count = target + length + 3 - storage
    }

    public mutating func member(_ name: StaticString, _ text: String) { member(name); string(text) }
    public mutating func member(_ name: StaticString, _ number: Double) { member(name); self.number(number) }
    public mutating func member(_ name: StaticString, _ number: Int) { member(name); int(number) }

    public mutating func key(_ name: String, _ text: String) { key(name); string(text) }
    public mutating func key(_ name: String, _ number: Double) { key(name); self.number(number) }
    public mutating func key(_ name: String, _ number: Int) { key(name); int(number) }

    /// The comma before a value, when one is needed at this level; marks the level as needing one next time.
    /// Internal: the writers of fixed shapes in this module (`terms`, `evidence`) call it once per element and write
    /// the element's own keys directly.
    @inline(__always)
    mutating func value() {
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            if commaBits & bit != 0 { append(UInt8(ascii: ",")) }
            commaBits |= bit
        } else {
            if deeperCommas[depth - 64] { append(UInt8(ascii: ",")) }
            deeperCommas[depth - 64] = true
        }
    }

    @inline(__always)
    private mutating func setNeedsComma(_ flag: Bool) {
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            if flag { commaBits |= bit } else { commaBits &= ~bit }
        } else {
            deeperCommas[depth - 64] = flag
        }
    }

    private mutating func push() {
        depth += 1
        if depth < 64 { commaBits &= ~(1 << UInt64(depth)) } else { deeperCommas.append(false) }
    }

    private mutating func pop() {
        if depth >= 64 { deeperCommas.removeLast() }
        depth -= 1
    }

    private mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends again the `length` bytes already written from byte `start`: a value written before, as it was
    /// written (escaped), without reading or escaping its string again (`terms(_:)` repeats a term's lexicon file).
    @inline(__always)
    mutating func appendWritten(from start: Int, length: Int) {
        precondition(start >= 0 && length > 0 && start + length <= count, "bytes already written")
        if capacity - count < length { grow(toHold: length) }
        // Read after growing: the bytes moved with the buffer. The two ranges never overlap (the copy goes after
        // everything written).
        Self.copy(from: UnsafeRawPointer(storage + start), to: UnsafeMutableRawPointer(storage + count),
                  length: length)
        count += length
    }

    /// Appends a newline: the end of a JSON Lines record.
    mutating func newline() { append(0x0A) }

    private mutating func appendInteger(_ number: Int) {
        if number >= 0 && number < 10 {
            append(0x30 + UInt8(number))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var magnitude = number.magnitude
            var index = 24
            repeat {
                index -= 1
                digits[index] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                index -= 1
                digits[index] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<24]))
        }
    }

    /// `units / unit` (`unit` is 10^`digits`) in plain decimal notation, without trailing zeros after the point and
    /// without a point when the fraction is zero. Negative zero is written "0".
    private mutating func appendFixedPoint(_ units: Int, digits: Int, unit: Int) {
        let magnitude = units.magnitude
        let whole = magnitude / UInt(unit)
        var fraction = magnitude - whole * UInt(unit)
        if units < 0 && magnitude != 0 { append(UInt8(ascii: "-")) }
        appendInteger(Int(whole))
        guard fraction != 0 else { return }
        var length = digits
        while fraction % 10 == 0 {
            fraction /= 10
            length -= 1
        }
        if capacity - count < length + 1 { grow(toHold: length + 1) }
        storage[count] = UInt8(ascii: ".")
        var index = count + length
        while index > count {
            storage[index] = 0x30 + UInt8(fraction % 10)
            fraction /= 10
            index -= 1
        }
        count += length + 1
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// How many bytes at the start of `buffer` need no escaping. Clauses and comment text are most of the bytes
    /// written, so eight bytes are checked at a time before the byte-by-byte scan finds the exact place.
    private static func plainPrefixLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let count = buffer.count
        var index = 0
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            while index + 8 <= count {
                if hasSpecialByte(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { break }
                index += 8
            }
        }
        while index < count, !needsEscape(buffer[index]) { index += 1 }
        return index
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is zero (exact as a yes/no; the classic bit trick).
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether any byte of `word` is one `needsEscape` accepts: below 0x20, `"`, `\` or DEL.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        // With each byte's high bit set, subtracting 0x20 per byte cannot borrow across bytes; the high bit stays
        // set exactly where the low seven bits are at least 0x20. Bytes of 0x80 and above (UTF-8 beyond ASCII) are
        // then masked out.
        let controls = ~((word | highBits) &- 0x2020_2020_2020_2020) & ~word & highBits
        return controls != 0 || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
            || hasZeroByte(word ^ (0x7F &* ones))
    }

    /// Copies the string in one piece when nothing needs escaping (nearly always); otherwise copies runs of plain
    /// bytes in bulk and escapes only what JSON requires.
    mutating func appendString(_ text: String) {
        append(UInt8(ascii: "\""))
        // The string is borrowed, not copied into a `var` for `withUTF8`: the copy retained and released its storage
        // (half a million times per 10,000 results). Native strings are contiguous UTF-8, so the fallback is for
        // bridged ones.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        let count = buffer.count
        var index = Self.plainPrefixLength(buffer)
        if index == count {
            append(contentsOf: buffer)
            return
        }
        var runStart = 0
        while index < count {
            let byte = buffer[index]
            if Self.needsEscape(byte) {
                if index > runStart { append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
                appendEscape(byte)
                runStart = index + 1
            }
            index += 1
        }
        if count > runStart { append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...])) }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        append(0x5C)
        switch byte {
        case UInt8(ascii: "\""): append(0x22)
        case UInt8(ascii: "\\"): append(0x5C)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
            append(UInt8(ascii: "u"))
            append(0x30)
            append(0x30)
            append(Self.hex[Int(byte >> 4)])
            append(Self.hex[Int(byte & 0xF)])
        }
    }
}
