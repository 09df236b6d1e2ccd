// A sanity check of a shared library's ELF layout before dlopen: a truncated
// file can map "successfully" and fault later when a missing page is touched.
#pragma once

#include <string>

namespace sema::rt {

// Empty when path looks like a complete ELF shared object; otherwise why not.
std::string elf_layout_problem(const std::string& path);

}  // namespace sema::rt
