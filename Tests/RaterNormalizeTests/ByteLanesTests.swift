import RaterCore
import RaterTestSupport
import Testing

/// `ByteLanes` must give each lane exactly the answer a byte-by-byte test gives, whatever its neighbours hold: the
/// tricks it uses are exact only if no borrow or carry crosses a lane.
@Suite struct ByteLanesTests {
    private func lanes(_ mask: UInt64) -> [Bool] { (0..<8).map { mask >> (8 * $0 + 7) & 1 == 1 } }

    @Test func everyByteInEveryLaneBesideEveryNeighbour() {
        var generator = SplitMix(seed: 11)
        let bounds: [(UInt8, UInt8)] = [(0x00, 0x1F), (0x41, 0x5A), (0x61, 0x7A), (0x30, 0x39), (0x7F, 0x7F)]
        var failures: [String] = []
        for value in 0...255 {
            for lane in 0..<8 {
                // Neighbours: random words, plus all-zero and all-0xFF ones, which provoke borrows and carries.
                for trial in 0..<6 {
                    var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                    if trial == 0 { bytes = Array(repeating: 0, count: 8) }
                    if trial == 1 { bytes = Array(repeating: 0xFF, count: 8) }
                    bytes[lane] = UInt8(value)
                    let word = bytes.withUnsafeBufferPointer { ByteLanes.load($0, at: 0) }
                    for target: UInt8 in [0x0A, 0x20, 0x7F, 0x00, 0xFF] where
                        lanes(ByteLanes.equal(word, target)) != bytes.map({ $0 == target }) {
                        failures.append("equal \(bytes) \(target)")
                    }
                    for (low, high) in bounds where
                        lanes(ByteLanes.inRange(word, low, high)) != bytes.map({ $0 >= low && $0 <= high }) {
                        failures.append("inRange \(bytes) \(low)…\(high)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    @Test func laneZeroIsTheFirstByte() {
        let word = Array("a.......".utf8).withUnsafeBufferPointer { ByteLanes.load($0, at: 0) }
        #expect(ByteLanes.equal(word, UInt8(ascii: "a")) == 0x80)
    }
}
