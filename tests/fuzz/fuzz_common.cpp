#include "fuzz_common.hpp"

#include <sema/utf8.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#ifndef SEMA_FUZZ_PLUGIN_DIR
#error "SEMA_FUZZ_PLUGIN_DIR must name the folder of the built plugins"
#endif

namespace sema::fuzz {
namespace {

using Clock = std::chrono::steady_clock;

// One watchdog thread for the process: interrupts the current runtime when an
// input has been running for too long.
struct Watchdog {
  std::atomic<Runtime*> current{nullptr};
  std::atomic<long long> started{0};
  Watchdog() {
    std::thread([this] {
      for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        Runtime* rt = current.load();
        long long t0 = started.load();
        long long now = Clock::now().time_since_epoch() / std::chrono::milliseconds(1);
        if (rt && now - t0 > kInputMillis) rt->interrupt();
      }
    }).detach();
  }
};

Watchdog& watchdog() {
  static Watchdog* w = new Watchdog();  // lives as long as the process
  return *w;
}

// Builtins that would wait on the outside world: stubs that return nil.
constexpr const char* kPrelude =
    "(define sleep (fn (. xs) nil))"
    "(define read-line (fn (. xs) nil))"
    "(define read-stdin (fn (. xs) nil))"
    "(define term/spinner-start (fn (. xs) 0))"
    "(define term/spinner-stop (fn (. xs) nil))";

}  // namespace

std::unique_ptr<Runtime> make_runtime() {
  // A fuzzed program must not read the fuzzer's stdin.
  static bool stdin_closed = std::freopen("/dev/null", "r", stdin) != nullptr;
  (void)stdin_closed;
  RuntimeOptions o;
  o.plugin_path = {SEMA_FUZZ_PLUGIN_DIR};
  o.argv = {"sema-fuzz"};
  o.deny = {"fs-read", "fs-write", "net", "shell", "env"};
  o.max_depth = kMaxDepth;
  o.max_memory_mb = kMaxMemoryMb;
  auto rt = std::make_unique<Runtime>(o);
  std::string err;
  if (!rt->load_plugins("std", &err)) {
    std::fprintf(stderr, "sema-fuzz: cannot load the std plugins from %s: %s\n", SEMA_FUZZ_PLUGIN_DIR, err.c_str());
    std::abort();
  }
  Outcome p = rt->eval(kPrelude);
  if (!p.ok) {
    std::fprintf(stderr, "sema-fuzz: prelude failed: %s\n", p.error.c_str());
    std::abort();
  }
  return rt;
}

Runtime& shared_runtime() {
  static std::unique_ptr<Runtime> rt = make_runtime();
  return *rt;
}

Outcome run(Runtime& rt, std::string_view source) {
  Watchdog& w = watchdog();
  w.started.store(Clock::now().time_since_epoch() / std::chrono::milliseconds(1));
  w.current.store(&rt);
  Outcome o = rt.eval(source);
  w.current.store(nullptr);
  if (!o.ok && !o.exit_code) {
    if (o.error.rfind("Error: ", 0) != 0 || o.error.size() <= 8) finding("an error without a message", source, o.error);
    // Checked on the first line only: the message may quote the input.
    std::string_view first = std::string_view(o.error).substr(0, o.error.find('\n'));
    if (first.starts_with("Error: Eval error: internal error")) finding("a C++ exception escaped", source, o.error);
    if (first.starts_with("Error: Eval error: builtin ") && first.ends_with("failed without an error message"))
      finding("a builtin failed without a message", source, o.error);
  }
  return o;
}

std::string literal(std::string_view text) {
  std::string s = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') s += '\\';
    if (c == '\0') {
      s += "\\0";
      continue;
    }
    s += c;
  }
  s += '"';
  return s;
}

bool valid_utf8(std::string_view bytes) { return utf8::valid(bytes); }

void finding(std::string_view what, std::string_view source, std::string_view detail) {
  std::fprintf(stderr, "\n==== sema-fuzz finding: %.*s\n---- source (%zu bytes):\n%.*s\n---- detail:\n%.*s\n",
               static_cast<int>(what.size()), what.data(), source.size(), static_cast<int>(std::min<size_t>(source.size(), 4000)),
               source.data(), static_cast<int>(std::min<size_t>(detail.size(), 4000)), detail.data());
  std::abort();
}

}  // namespace sema::fuzz
