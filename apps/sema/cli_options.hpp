// What the command line asked for, after CLI11 has parsed it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sema::cli {

struct Options {
  std::optional<std::string> file;        // FILE or `run FILE`
  std::optional<std::string> eval_expr;   // -e
  std::optional<std::string> print_expr;  // -p
  std::vector<std::string> load_files;    // -l, in order
  bool quiet = false;
  bool interactive = false;
  std::optional<std::string> plugins;     // --plugins (default std,fastio)
  std::vector<std::string> plugin_path;   // --plugin-path
  int max_depth = 10000;
  size_t max_memory_mb = 0;
  double timeout_seconds = 0;
  bool sandbox = false;
  std::vector<std::string> deny;
  std::optional<std::string> model, provider;

  enum class Command { Main, Ast, Plugins } command = Command::Main;
  bool ast_json = false;
  std::vector<std::string> argv;  // the raw process argv, for (sys/args)
};

// Parses argv. Returns an exit code when the process should stop right away
// (help/version printed: 0; usage error: 2).
std::optional<int> parse(int argc, char** argv, Options& out);

}  // namespace sema::cli
