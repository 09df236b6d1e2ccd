// format with an arbitrary format string and arguments picked by the input:
// a string or a clear error, never a crash or a read past the arguments.
#include "fuzz_common.hpp"

#include <memory>

using sema::fuzz::shared_runtime;

namespace {
constexpr const char* kArgs[] = {"1", "-7", "2.5", "\"s\"", ":k", "'(1 \"a\" [2])", "nil", "#t", "#\\a",
                                 "{:a 1}", "[]", "math/nan", "9223372036854775807", "(fn (x) x)", "'sym",
                                 "(delay 1)"};
}  // namespace

// Loads the plugins before fuzzing starts (their coverage counters register then).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  shared_runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The first byte picks up to 7 arguments; the rest is the format string.
  if (size == 0) return 0;
  size_t nargs = data[0] % 8;
  std::string_view fmt(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!sema::fuzz::valid_utf8(fmt)) return -1;
  std::string call = "(format " + sema::fuzz::literal(fmt);
  for (size_t i = 0; i < nargs; ++i) call += std::string(" ") + kArgs[(data[0] / 8 + i * 5) % std::size(kArgs)];
  call += ")";
  sema::Runtime& rt = shared_runtime();
  sema::fuzz::run(rt, call);
  sema::fuzz::run(rt, "(string? " + call + ")");
  return 0;
}
