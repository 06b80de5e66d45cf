// umockdev: fake sysfs devices, uevents and pty-backed device nodes, for the tests only
// (Tests/LipTwitchUdevTests, run under umockdev-wrapper by scripts/test).
#include <umockdev.h>
