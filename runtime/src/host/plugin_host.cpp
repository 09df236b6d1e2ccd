#include "host/plugin_host.hpp"

#include "host/elf_check.hpp"
#include "host/registry.hpp"
#include "value/interner.hpp"

#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace sema::rt {
namespace {

namespace dll = boost::dll;

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

bool is_path(const std::string& item) {
  return item.find('/') != std::string::npos || (item.size() > 3 && item.ends_with(".so"));
}

std::string version_text(uint32_t major, uint32_t minor) { return std::to_string(major) + "." + std::to_string(minor); }

std::vector<std::string> null_terminated(const char* const* list) {
  std::vector<std::string> out;
  for (size_t i = 0; list != nullptr && list[i] != nullptr; ++i) out.emplace_back(list[i]);
  return out;
}

// Loads the library and validates its handshake. Returns nullptr and a
// reason on any refusal.
const sema_plugin_info* open_plugin(const std::string& path, dll::shared_library& lib, std::string* why) {
  if (std::string problem = elf_layout_problem(path); !problem.empty()) {
    *why = "cannot load it as a shared library: " + problem;
    return nullptr;
  }
  try {
    lib.load(path, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    *why = std::string("cannot load it as a shared library: ") + e.what();
    return nullptr;
  }
  if (!lib.has(SEMA_PLUGIN_ENTRY_SYMBOL)) {
    *why = "it exports no sema_plugin_entry symbol (not a Sema plugin)";
    return nullptr;
  }
  auto entry = lib.get<const sema_plugin_info*()>(SEMA_PLUGIN_ENTRY_SYMBOL);
  const sema_plugin_info* info = entry();
  constexpr size_t v1_size = offsetof(sema_plugin_info, init) + sizeof(sema_plugin_init_fn);
  if (info == nullptr || info->struct_size < v1_size) {
    *why = "sema_plugin_entry returned no valid plugin description";
    return nullptr;
  }
  std::string host_version = version_text(SEMA_ABI_MAJOR, SEMA_ABI_MINOR);
  std::string plugin_version = version_text(info->abi_major, info->abi_minor);
  if (info->abi_major != SEMA_ABI_MAJOR) {
    *why = "it was built for Sema ABI " + plugin_version + ", but this host provides ABI " + host_version +
           " (major versions differ)";
    return nullptr;
  }
  if (info->abi_minor > SEMA_ABI_MINOR) {
    *why = "it was built for Sema ABI " + plugin_version + ", newer than this host's ABI " + host_version;
    return nullptr;
  }
  if (info->config != SEMA_CONFIG || info->value_size != sizeof(sema_value)) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "it was built for a different value representation (config 0x%x, sizeof(sema_value) %u); "
                  "this host uses config 0x%x, sizeof(sema_value) %zu",
                  info->config, info->value_size, SEMA_CONFIG, sizeof(sema_value));
    *why = buf;
    return nullptr;
  }
  if (info->name == nullptr || *info->name == '\0' || info->init == nullptr) {
    *why = "its plugin description has no name or no init function";
    return nullptr;
  }
  return info;
}

}  // namespace

PluginHost::PluginHost(Interp& interp, std::vector<std::string> search_dirs)
    : interp_(interp), dirs_(std::move(search_dirs)) {}

// Plugin code is never unloaded: the evaluator, other plugins' threads and
// static destructors may still reach it at exit (architecture.md §5).
PluginHost::~PluginHost() {
  // Never destroyed either: a static vector would dlclose every plugin at
  // exit, and what a plugin keeps for the process's life would turn into
  // leaks (LeakSanitizer) once its image is gone.
  static auto* keep_alive = new std::vector<std::shared_ptr<dll::shared_library>>();
  for (auto& l : loaded_) keep_alive->push_back(std::move(l.library));
  for (auto& l : dry_run_libraries_) keep_alive->push_back(std::move(l));
}

std::string PluginHost::find_plugin_file(const std::string& name) const {
  std::error_code ec;
  for (const auto& dir : dirs_) {
    auto p = std::filesystem::path(dir) / ("libsema-" + name + ".so");
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

bool PluginHost::is_loaded(const std::string& name) const {
  return std::any_of(loaded_.begin(), loaded_.end(), [&](const Loaded& l) { return l.name == name; });
}

bool PluginHost::load_list(std::string_view spec, bool missing_is_warning, std::string* error,
                           std::vector<std::string>* warnings) {
  std::string_view rest = spec;
  while (true) {
    size_t comma = rest.find(',');
    std::string item = trim(rest.substr(0, comma));
    if (!item.empty()) {
      std::vector<std::string> names = is_path(item) ? std::vector<std::string>{item} : expand_pack(item);
      for (const auto& n : names)
        if (!load_one(n, missing_is_warning, error, warnings)) return false;
    }
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return true;
}

bool PluginHost::load_one(const std::string& item, bool missing_is_warning, std::string* error,
                          std::vector<std::string>* warnings) {
  if (is_path(item)) {
    std::error_code ec;
    if (!std::filesystem::exists(item, ec)) {
      *error = "plugin file " + item + " does not exist";
      return false;
    }
    return load_file(std::filesystem::absolute(item, ec).string(), error, warnings);
  }
  if (is_loaded(item)) return true;
  std::string path = find_plugin_file(item);
  if (path.empty()) {
    std::string where;
    for (const auto& d : dirs_) where += (where.empty() ? "" : ", ") + d;
    std::string msg = "plugin '" + item + "' not found (looked for libsema-" + item + ".so in: " +
                      (where.empty() ? "no folders" : where) + ")";
    if (missing_is_warning) {
      if (warnings) warnings->push_back(msg + "; continuing without it");
      return true;
    }
    *error = msg;
    return false;
  }
  return load_file(path, error, warnings);
}

bool PluginHost::load_file(const std::string& path, std::string* error, std::vector<std::string>* warnings) {
  auto lib = std::make_shared<dll::shared_library>();
  std::string why;
  const sema_plugin_info* info = open_plugin(path, *lib, &why);
  auto refuse = [&](const std::string& reason) {
    *error = "refusing plugin " + path + ": " + reason;
    return false;
  };
  if (info == nullptr) return refuse(why);
  std::string name = info->name;
  for (const auto& l : loaded_) {
    if (l.name != name) continue;
    if (std::filesystem::equivalent(l.path, path)) return true;
    return refuse("a plugin named '" + name + "' is already loaded from " + l.path);
  }
  for (const auto& dep : null_terminated(info->dependencies)) {
    std::string dep_error;
    if (!is_loaded(dep) && !load_one(dep, false, &dep_error, warnings))
      return refuse("it depends on plugin '" + dep + "': " + dep_error);
  }

  sema_registry reg;
  reg.plugin = name;
  std::vector<std::string> overrides = null_terminated(info->overrides);
  reg.overrides.insert(overrides.begin(), overrides.end());
  sema_status st = info->init(host_api(), &reg);
  if (!reg.refusal.empty()) return refuse("plugin '" + name + "' " + reg.refusal);
  if (st != SEMA_OK) return refuse("its init function failed");

  // Conflicts: a name bound by an earlier plugin may only be replaced when
  // one of the two declared the override (then the declaring one wins,
  // whatever the load order).
  std::vector<sema_registry::Binding*> commit;
  for (auto& b : reg.bindings) {
    auto owner = owner_.find(b.name);
    if (owner == owner_.end() || reg.overrides.count(b.name)) {
      commit.push_back(&b);
      continue;
    }
    auto prev = std::find_if(loaded_.begin(), loaded_.end(), [&](const Loaded& l) { return l.name == owner->second; });
    bool prev_overrides =
        prev != loaded_.end() && std::find(prev->overrides.begin(), prev->overrides.end(), b.name) != prev->overrides.end();
    if (!prev_overrides)
      return refuse("plugin '" + name + "' redefines '" + b.name + "' from plugin '" + owner->second +
                    "' without declaring an override");
  }

  Loaded l{name, info->version ? info->version : "", path, overrides, 0, 0, lib};
  for (auto* b : commit) {
    if (type_of(b->value.get()) == SEMA_T_NATIVE) ++l.builtins;
    l.hooks += b->hooks;
    interp_.define_global(intern(b->name), std::move(b->value));
    owner_[b->name] = name;
  }
  loaded_.push_back(std::move(l));
  return true;
}

std::vector<PluginSummary> PluginHost::summaries() const {
  std::vector<PluginSummary> out;
  for (const auto& l : loaded_) out.push_back({l.name, l.version, l.path, l.builtins, l.hooks});
  return out;
}

std::string PluginHost::unbound_hint(std::string_view name) {
  if (!hints_scanned_) {
    hints_scanned_ = true;
    std::vector<std::string> known = expand_pack("std");
    known.push_back("fastio");
    for (const auto& plugin : known) {
      if (is_loaded(plugin)) continue;
      std::string path = find_plugin_file(plugin);
      if (path.empty()) continue;
      auto lib = std::make_shared<dll::shared_library>();
      std::string why;
      const sema_plugin_info* info = open_plugin(path, *lib, &why);
      if (info == nullptr) continue;
      sema_registry reg;
      reg.plugin = info->name;
      reg.dry_run = true;
      if (info->init(host_api(), &reg) != SEMA_OK) continue;
      for (const auto& b : reg.bindings) hint_names_.emplace(b.name, reg.plugin);
      dry_run_libraries_.push_back(lib);
    }
  }
  auto it = hint_names_.find(std::string(name));
  if (it == hint_names_.end()) return {};
  return " (provided by the " + it->second + " plugin, which is not loaded; try --plugins=std)";
}

}  // namespace sema::rt
