// The process argv as the plugins see it (sema.h argv()).
#include "host/registry.hpp"

#include <deque>

namespace sema::rt {
namespace {
std::deque<std::string>& storage() {
  static std::deque<std::string> s;  // deque: pointers stay valid as it grows
  return s;
}
std::vector<const char*>& pointers() {
  static std::vector<const char*> p;
  return p;
}
}  // namespace

void set_process_argv(const std::vector<std::string>& argv) {
  storage().assign(argv.begin(), argv.end());
  pointers().clear();
  for (const std::string& a : storage()) pointers().push_back(a.c_str());
}

const std::vector<const char*>& process_argv() { return pointers(); }

}  // namespace sema::rt
