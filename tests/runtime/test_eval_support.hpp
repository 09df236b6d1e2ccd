// An interpreter with a handful of test natives (registered through
// NativeObj.internal / hooks, as the plugins would), so the evaluator can be
// tested without loading plugins.
#pragma once

#include "eval/interp.hpp"
#include "eval/native.hpp"
#include "host/big_stack.hpp"
#include "value/interner.hpp"
#include "value/value.hpp"

#include <string>

namespace sema::evaltest {

using namespace sema::rt;

class TestInterp {
 public:
  explicit TestInterp(RuntimeOptions o = {});
  // The result's write form, or the error's display text.
  std::string eval(std::string_view src, std::string_view file = {});
  // The CLI's error report (first line + trace), or the write form.
  std::string report(std::string_view src, std::string_view file = {});
  // Like eval, on a thread with a large stack (deep recursion).
  std::string eval_big(std::string_view src);
  std::string out;  // what (out x …) printed
  Interp interp;
  int assoc_unique_hits = 0;  // the assoc hook saw a map with refcount 1

  void native(const std::string& name, int min, int max,
              std::function<Result<Value>(Interp&, const Word*, size_t)> fn);
};

}  // namespace sema::evaltest
