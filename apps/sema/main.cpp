// The `sema` command: runs scripts, -e/-p expressions and the REPL
// (language.md §6), on the runtime with the plugins asked for.
#include "cli_options.hpp"
#include "repl.hpp"

#include <sema/runtime.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

namespace {

using sema::Outcome;
using sema::cli::Options;

int run_ast(const Options& o) {
  if (o.file && o.eval_expr) {
    std::fprintf(stderr, "Error: cannot specify both a file and --eval\n");
    return 1;
  }
  if (!o.file && !o.eval_expr) {
    std::fprintf(stderr, "Error: provide a file or --eval expression\n");
    return 1;
  }
  std::string source;
  if (o.file) {
    std::ifstream in(*o.file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "Error reading %s: %s (os error %d)\n", o.file->c_str(), std::strerror(errno), errno);
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    source = ss.str();
  } else {
    source = *o.eval_expr;
  }
  std::string error;
  auto text = sema::ast_text(source, o.ast_json, &error);
  if (!text) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::fputs(text->c_str(), stdout);
  return 0;
}

// Stops a runaway evaluation after --timeout seconds.
class Watchdog {
 public:
  Watchdog(sema::Runtime& rt, double seconds) {
    if (seconds <= 0) return;
    thread_ = std::thread([this, &rt, seconds] {
      std::unique_lock lock(mutex_);
      if (!cv_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return done_; })) rt.interrupt_timeout();
    });
  }
  ~Watchdog() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
};

// Prints an outcome's error; returns the exit status the CLI should use, or
// -1 to go on.
int finish(const Outcome& out) {
  if (out.exit_code) return *out.exit_code;
  if (!out.ok) {
    std::fflush(stdout);
    std::fputs(out.error.c_str(), stderr);
    return 1;
  }
  return -1;
}

int run_main(const Options& o) {
  sema::RuntimeOptions ro;
  ro.max_depth = o.max_depth;
  ro.plugin_path = o.plugin_path;
  ro.argv = o.argv;
  ro.deny = o.deny;
  ro.max_memory_mb = o.max_memory_mb;
  ro.timeout_seconds = o.timeout_seconds;
  if (o.model) setenv("SEMA_DEFAULT_MODEL", o.model->c_str(), 1);
  if (o.provider) setenv("SEMA_LLM_PROVIDER", o.provider->c_str(), 1);

  sema::Runtime rt(ro);
  std::string error;
  std::vector<std::string> warnings;
  bool loaded = o.plugins ? rt.load_plugins(*o.plugins, &error, &warnings) : rt.load_default_plugins(&error, &warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  if (!loaded) {
    std::fprintf(stderr, "Error: %s\n", error.c_str());
    return 1;
  }

  if (o.command == Options::Command::Plugins) {
    for (const auto& p : rt.plugins())
      std::printf("%-8s %-7s %4zu builtins %3zu hooks  %s\n", p.name.c_str(), p.version.c_str(), p.builtins, p.hooks,
                  p.path.c_str());
    return 0;
  }

  Watchdog watchdog(rt, o.timeout_seconds);
  for (const auto& file : o.load_files) {
    Outcome out = rt.run_file(file);
    if (out.exit_code) return *out.exit_code;
    if (!out.ok) {
      std::fflush(stdout);
      const std::string& e = out.error;
      if (e.rfind("Error reading ", 0) == 0)
        std::fputs(e.c_str(), stderr);
      else
        std::fprintf(stderr, "Error loading %s: %s", file.c_str(), e.rfind("Error: ", 0) == 0 ? e.c_str() + 7 : e.c_str());
      return 1;
    }
  }

  auto expression = o.eval_expr ? o.eval_expr : o.print_expr;
  if (expression) {
    Outcome out = rt.eval(*expression);
    if (int code = finish(out); code >= 0) return code;
    if (o.print_expr || !out.is_nil) std::printf("%s\n", out.value.c_str());
    std::fflush(stdout);
    if (o.interactive) return sema::cli::repl(rt, o.quiet);
    return 0;
  }
  if (o.file) {
    Outcome out = rt.run_file(*o.file);
    if (int code = finish(out); code >= 0) return code;
    if (o.interactive) return sema::cli::repl(rt, o.quiet);
    return 0;
  }
  return sema::cli::repl(rt, o.quiet);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (auto code = sema::cli::parse(argc, argv, options)) return *code;
  int status = options.command == Options::Command::Ast ? run_ast(options) : run_main(options);
  std::fflush(stdout);
  std::fflush(stderr);
  return status;
}
