// The plugin host: finds plugin files, checks the ABI handshake, runs each
// plugin's init against a staging registry and commits its builtins into the
// interpreter's global environment.
#pragma once

#include "eval/interp.hpp"

#include <sema/runtime.hpp>

#include <boost/dll/shared_library.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sema::rt {

class PluginHost {
 public:
  PluginHost(Interp& interp, std::vector<std::string> search_dirs);
  ~PluginHost();

  // Loads a --plugins list (names, packs, .so paths). On a refusal returns
  // false with a message naming the file and the reason. Missing plugins of
  // the default set are warnings when missing_is_warning is set.
  bool load_list(std::string_view spec, bool missing_is_warning, std::string* error, std::vector<std::string>* warnings);
  bool load_one(const std::string& name_or_path, bool missing_is_warning, std::string* error,
                std::vector<std::string>* warnings);

  std::vector<PluginSummary> summaries() const;
  bool is_loaded(const std::string& name) const;

  // "(provided by the X plugin, which is not loaded)" for a name a known but
  // unloaded plugin registers; empty when no plugin provides it.
  std::string unbound_hint(std::string_view name);

  // Where a plugin name would be loaded from; empty when not found.
  std::string find_plugin_file(const std::string& name) const;
  const std::vector<std::string>& search_dirs() const { return dirs_; }

 private:
  struct Loaded {
    std::string name, version, path;
    std::vector<std::string> overrides;
    size_t builtins = 0, hooks = 0;
    std::shared_ptr<boost::dll::shared_library> library;
  };
  bool load_file(const std::string& path, std::string* error, std::vector<std::string>* warnings);

  Interp& interp_;
  std::vector<std::string> dirs_;
  std::vector<Loaded> loaded_;
  std::map<std::string, std::string> owner_;  // builtin name → plugin that bound it
  std::map<std::string, std::string> hint_names_;  // name → provider (from dry runs)
  bool hints_scanned_ = false;
  std::vector<std::shared_ptr<boost::dll::shared_library>> dry_run_libraries_;
};

// The plugins of a pack ("std" → core string map io math sys), or {name}.
std::vector<std::string> expand_pack(const std::string& name);
inline constexpr const char* kDefaultPlugins = "std,fastio";

// Plugin folders in search order: explicit dirs, $SEMA_PLUGIN_PATH, next to
// the executable (../lib/sema/plugins), next to the runtime library, the
// install dir and the build dir.
std::vector<std::string> plugin_search_dirs(const std::vector<std::string>& explicit_dirs);

}  // namespace sema::rt
