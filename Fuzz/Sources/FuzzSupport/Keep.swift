/// Keeps a decoded value from the optimizer: a fuzzer hands every value a decoder made to
/// `keep`, so the code that made it is not dropped as unused (libFuzzer would then be blind
/// to it).
@inline(never) @_optimize(none)
public func keep<Value>(_ value: Value) {
    _ = value
}
