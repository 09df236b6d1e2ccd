// The embedding API of libsema-runtime: what the `sema` command and the test
// suites use. Plugins never include this; they only see sema.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sema {

struct RuntimeOptions {
  int max_depth = 10000;                  // non-tail evaluation depth limit (decisions.md #7)
  std::vector<std::string> plugin_path;   // extra plugin folders, searched first
  std::vector<std::string> argv;          // the raw process argv, for (sys/args)
  std::vector<std::string> deny;          // denied capabilities: fs-read fs-write net shell env
  size_t max_memory_mb = 0;               // 0 = unlimited
  double timeout_seconds = 0;             // 0 = unlimited
};

struct PluginSummary {
  std::string name;
  std::string version;
  std::string path;
  size_t builtins = 0;
  size_t hooks = 0;
};

// The outcome of running one chunk of source.
struct Outcome {
  bool ok = true;
  bool is_nil = true;           // the result is nil
  std::string value;            // write form of the result (when ok)
  std::string error;            // "Error: …\n" plus "  at …\n" trace lines (when !ok)
  std::optional<int> exit_code; // set when the program called (exit n)
};

class Runtime {
 public:
  explicit Runtime(RuntimeOptions options = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Loads a comma-separated plugin list: plugin names ("core"), packs ("std")
  // or paths ending in ".so". A refusal names the file and the reason.
  // Plugins of the default set that are not built yet produce warnings.
  bool load_plugins(std::string_view spec, std::string* error, std::vector<std::string>* warnings = nullptr);
  // The default set (std,fastio): a plugin that is not built is a warning.
  bool load_default_plugins(std::string* error, std::vector<std::string>* warnings = nullptr);
  std::vector<PluginSummary> plugins() const;

  // Runs source as one chunk in the global environment (definitions persist,
  // decisions.md #1). file: the script path for traces and relative
  // load/import; empty for -e/-p/REPL input (traces say <input>).
  Outcome eval(std::string_view source, std::string_view file = {});
  // Reads and runs a file ("Error reading FILE: …" when unreadable).
  Outcome run_file(const std::string& path);

  // Ctrl-C: asks the running evaluation to stop with an error (signal-safe).
  void interrupt();
  // --timeout: the same, and the error says it was a timeout (signal-safe).
  void interrupt_timeout();

  // Names bound in the global environment that are not builtins (REPL ,env).
  std::vector<std::pair<std::string, std::string>> user_globals() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The `sema ast` rendering of source (language.md §6.6); nullopt + error text on a reader error.
std::optional<std::string> ast_text(std::string_view source, bool json, std::string* error);

}  // namespace sema
