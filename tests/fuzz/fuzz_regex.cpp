// regex/* with an arbitrary pattern and text (split at the first NUL byte, or
// at the middle): every builtin answers or raises a clear error.
#include "fuzz_common.hpp"

#include <memory>

using sema::fuzz::shared_runtime;

// Loads the plugins before fuzzing starts (their coverage counters register then).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  shared_runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t cut = all.find('\0');
  std::string_view pattern = cut == std::string_view::npos ? all.substr(0, size / 2) : all.substr(0, cut);
  std::string_view text = cut == std::string_view::npos ? all.substr(size / 2) : all.substr(cut + 1);
  if (!sema::fuzz::valid_utf8(pattern) || !sema::fuzz::valid_utf8(text)) return -1;
  std::string p = sema::fuzz::literal(pattern), t = sema::fuzz::literal(text);
  sema::Runtime& rt = shared_runtime();
  for (const char* f : {"regex/match?", "regex/match", "regex/find-all", "regex/split"})
    sema::fuzz::run(rt, std::string("(") + f + " " + p + " " + t + ")");
  sema::fuzz::run(rt, "(regex/replace " + p + " " + t + " " + t + ")");
  sema::fuzz::run(rt, "(regex/replace-all " + p + " \"<$0>\" " + t + ")");
  // Non-string arguments are type errors.
  sema::fuzz::run(rt, "(regex/match? 42 " + t + ")");
  sema::fuzz::run(rt, "(regex/split " + p + " :k)");
  return 0;
}
