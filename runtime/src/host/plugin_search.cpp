// Where plugins are looked for, and what the packs contain.
#include "host/plugin_host.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sema::rt {

std::vector<std::string> expand_pack(const std::string& name) {
  if (name == "std") return {"core", "string", "map", "io", "math", "sys"};
  return {name};
}

namespace {

void add_dir(std::vector<std::string>& dirs, const std::filesystem::path& p) {
  std::error_code ec;
  if (p.empty() || !std::filesystem::is_directory(p, ec)) return;
  std::string s = std::filesystem::weakly_canonical(p, ec).string();
  if (ec) s = p.string();
  for (const auto& d : dirs)
    if (d == s) return;
  dirs.push_back(s);
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path runtime_library_dir() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&expand_pack), &info) == 0 || info.dli_fname == nullptr) return {};
  return std::filesystem::path(info.dli_fname).parent_path();
}

}  // namespace

std::vector<std::string> plugin_search_dirs(const std::vector<std::string>& explicit_dirs) {
  std::vector<std::string> dirs;
  for (const auto& d : explicit_dirs) add_dir(dirs, d);
  if (const char* env = std::getenv("SEMA_PLUGIN_PATH")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      add_dir(dirs, std::string(rest.substr(0, colon)));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  if (auto exe = executable_dir(); !exe.empty()) add_dir(dirs, exe / SEMA_PLUGIN_RELATIVE_DIR);
  if (auto lib = runtime_library_dir(); !lib.empty()) add_dir(dirs, lib / "sema" / "plugins");
  add_dir(dirs, SEMA_PLUGIN_INSTALL_DIR);
  add_dir(dirs, SEMA_PLUGIN_BUILD_DIR);
  return dirs;
}

}  // namespace sema::rt
