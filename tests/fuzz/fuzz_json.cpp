// json/decode on arbitrary text. Besides never crashing: what decodes
// re-encodes, and decoding that encoding gives the same value back.
#include "fuzz_common.hpp"

#include <memory>

using sema::fuzz::shared_runtime;

// Loads the plugins before fuzzing starts (their coverage counters register then).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  shared_runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!sema::fuzz::valid_utf8(text)) return -1;
  sema::Runtime& rt = shared_runtime();
  std::string lit = sema::fuzz::literal(text);
  sema::Outcome d = sema::fuzz::run(rt, "(json/decode " + lit + ")");
  if (!d.ok) return 0;  // a clear error (checked by run)
  // NaN never comes out of JSON, so equality is a fair test; floats that are
  // whole print as ints in JSON, so compare after one round.
  std::string src = "(let* ((v (json/decode " + lit + ")) (once (json/decode (json/encode v))))"
                    "  (= once (json/decode (json/encode once))))";
  sema::Outcome o = sema::fuzz::run(rt, src);
  if (!o.ok && o.error.find("out of memory") == std::string::npos && o.error.find("depth") == std::string::npos)
    sema::fuzz::finding("a decoded value does not re-encode", src, o.error);
  if (o.ok && o.value != "#t") sema::fuzz::finding("json round trip changed the value", src, o.value);
  sema::fuzz::run(rt, "(json/encode-pretty (json/decode " + lit + "))");
  return 0;
}
