// The registry a plugin's init() fills (opaque `sema_registry` in sema.h).
// Registrations are staged and only committed when init succeeds and the
// plugin broke no rule, so a refused plugin leaves no trace.
#pragma once

#include "eval/native.hpp"
#include "value/value.hpp"

#include <sema/sema.h>

#include <string>
#include <unordered_set>
#include <vector>

struct sema_registry {
  std::string plugin;                          // the plugin's name
  std::unordered_set<std::string> overrides;   // names it declared it replaces
  bool dry_run = false;                        // only record names (unbound hints)

  struct Binding {
    std::string name;
    sema::rt::Value value;
    size_t hooks = 0;
  };
  std::vector<Binding> bindings;
  std::unordered_set<std::string> seen;
  std::string refusal;  // first rule the plugin broke, empty if none
};

namespace sema::rt {

// The host API table given to every plugin's init.
const sema_host_api* host_api();

// The raw process argv that (sys/args) returns; set by sema::Runtime.
void set_process_argv(const std::vector<std::string>& argv);
const std::vector<const char*>& process_argv();

}  // namespace sema::rt
