#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` in `self[start..<end]`, or nil. By `memchr`, which compares many bytes at a
    /// time: the readers look for line ends and quotes this way (a byte loop took 13 instructions a byte).
    func firstOffset(of byte: UInt8, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? count
        guard start < end, let base = baseAddress,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
