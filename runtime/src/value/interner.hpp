// The interner: symbols and keywords share one table of names. Ids compare in
// O(1); names stay valid (and never move) for the process lifetime.
//
// One interner per process: the host table's intern() has no context
// argument, and a value word must mean the same thing to every plugin.
#pragma once

#include <sema/sema.h>

#include <cstdint>
#include <string_view>

namespace sema::rt {

uint32_t intern(std::string_view name);
std::string_view id_name(uint32_t id);

inline sema_value symbol(std::string_view name) { return sema_from_symbol(intern(name)); }
inline sema_value keyword(std::string_view name) { return sema_from_keyword(intern(name)); }

}  // namespace sema::rt
