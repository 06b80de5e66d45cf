import Testing

/// Every test that uses umockdev's test bed, nested here so that they run one at a time:
/// the test bed is process-global (`UMOCKDEV_DIR`), and `.serialized` on this parent
/// orders the suites within it, not only the tests of one suite.
///
/// These tests need umockdev's preload library: `scripts/test` runs them as
/// `umockdev-wrapper swift test --skip-build`. Under plain `swift test` they are skipped.
@Suite(.serialized, .enabled(if: Testbed.isAvailable, "needs umockdev-wrapper: scripts/test runs it"))
struct UmockdevTests {}
