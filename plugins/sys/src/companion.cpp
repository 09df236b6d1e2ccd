#include "companion.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <dlfcn.h>

#include <filesystem>
#include <system_error>

namespace sys {
namespace {

namespace dll = boost::dll;

template <class Table>
struct Opened {
  const Table* table = nullptr;
  std::string problem;  // why there is no table
  // Kept (and never closed) for the life of the process; held here so the
  // handle stays reachable rather than leaked.
  dll::shared_library* library = nullptr;
};

// Loads libsema-sys-<part>.so from this plugin's folder. A loaded library is
// never closed: like a plugin (plugin_host.cpp), its code may run until exit.
template <class Table>
Opened<Table> open_companion(const std::string& part, const char* symbol) {
  std::error_code ec;
  std::filesystem::path self = dll::this_line_location(ec);
  if (ec) return {nullptr, "the sys plugin cannot find its own file"};
  std::filesystem::path file = self.parent_path() / ("libsema-sys-" + part + ".so");
  if (!std::filesystem::exists(file, ec)) return {nullptr, file.string() + " is missing"};
  auto* lib = new dll::shared_library();
  lib->load(file, dll::load_mode::rtld_now | dll::load_mode::rtld_local, ec);
  if (ec) {
    // The loader's own text names the file and the reason; Boost's error
    // code only says "Bad file descriptor".
    const char* why = dlerror();
    delete lib;
    return {nullptr, why != nullptr ? std::string(why) : file.string() + ": " + ec.message()};
  }
  if (!lib->has(symbol)) return {nullptr, file.string() + " exports no " + symbol, lib};
  const Table* t = lib->get<const Table*()>(symbol)();
  if (t == nullptr || t->abi != kCompanionAbi) return {nullptr, file.string() + " belongs to another build of sys", lib};
  return {t, {}, lib};
}

template <class Table>
sema::Result<const Table*> available(const Opened<Table>& o, const char* builtin, const char* what) {
  if (o.table != nullptr) return o.table;
  return sema::eval_error(std::string(builtin) + ": the sys plugin's " + what + " library is unavailable (" +
                          o.problem + ")");
}

}  // namespace

sema::Result<const CryptoTable*> crypto_table(const char* builtin) {
  static const Opened<CryptoTable> opened = open_companion<CryptoTable>("crypto", kCryptoTableSymbol);
  return available(opened, builtin, "crypto");
}

sema::Result<const NetTable*> net_table(const char* builtin) {
  static const Opened<NetTable> opened = open_companion<NetTable>("net", kNetTableSymbol);
  return available(opened, builtin, "network");
}

}  // namespace sys
