#if FUZZING
// Built by scripts/fuzz.sh with -sanitize=fuzzer and -DFUZZING: libFuzzer drives `LLVMFuzzerTestOneInput`.
// SwiftPM links executables with `main` aliased to `<module>_main`, so that symbol starts libFuzzer's driver.
import Glibc

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The target, from RATER_FUZZ_TARGET (csv, xml, text or encoding), read once.
let selectedTarget: FuzzTarget = {
    let name = getenv("RATER_FUZZ_TARGET").map { String(cString: $0) } ?? "csv"
    guard let target = FuzzTarget(rawValue: name) else { fatalError("unknown RATER_FUZZ_TARGET \(name)") }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_cdecl("RaterFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
#endif
