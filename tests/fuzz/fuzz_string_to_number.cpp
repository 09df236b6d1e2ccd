// string->number and its relatives on arbitrary text. Besides never crashing:
// string/number? agrees with string->number, and an int result prints back to
// text that parses to the same int.
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
  std::string src = "(let ((n (try (string->number " + lit + ") (catch e e))) (p (string/number? " + lit + ")))"
                    "  (list (number? n) p (if (integer? n) (= n (string->number (number->string n))) #t)))";
  sema::Outcome o = sema::fuzz::run(rt, src);
  if (!o.ok) sema::fuzz::finding("string->number raised past try", src, o.error);
  if (o.value != "(#t #t #t)" && o.value != "(#f #f #t)")
    sema::fuzz::finding("string->number, string/number? and number->string disagree", src, o.value);
  // The other conversions only have to answer cleanly.
  for (const char* f : {"int", "float", "string->symbol", "string->keyword"})
    sema::fuzz::run(rt, std::string("(") + f + " " + lit + ")");
  return 0;
}
