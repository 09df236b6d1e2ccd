// Shared helpers of the Catch2 suites: a runtime with plugins loaded, and
// evaluation results as text so tests compare what a user would see.
#pragma once

#include <sema/runtime.hpp>

#include <functional>
#include <string>
#include <vector>
#include <string_view>

namespace sema::test {

// The folder the build puts plugins in (SEMA_TEST_PLUGIN_DIR overrides).
std::string plugin_dir();

class Session {
 public:
  // plugins: a --plugins list, e.g. "std", "core", "std,fastio".
  explicit Session(std::string_view plugins = "std");
  // The result's write form, or the first line of the error report without
  // the "Error: " prefix (e.g. "Type error: expected number, got string").
  std::string eval(std::string_view source);
  // The full outcome (trace lines, exit codes, nil-ness).
  Outcome run(std::string_view source, std::string_view file = {});
  Runtime& runtime() { return rt_; }

 private:
  Runtime rt_;
};

// Runs fn and returns what it wrote to stdout (C stdio and fd 1).
std::string capture_stdout(const std::function<void()>& fn);
// Same for stderr.
std::string capture_stderr(const std::function<void()>& fn);

// A fresh empty temporary directory, removed at process exit.
std::string temp_dir();

// Texts of every length 0 to max_len: all 'k', and with one 'x' at each
// position (for hashes and compares that read words at length-chosen
// offsets: every length and every byte position must count).
std::vector<std::string> one_byte_apart(size_t max_len = 40);

}  // namespace sema::test
