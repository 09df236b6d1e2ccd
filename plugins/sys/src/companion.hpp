// Opens the sys plugin's companion libraries (companion_api.hpp) on first use.
#pragma once

#include "companion_api.hpp"

#include <sema/sema.hpp>

namespace sys {

// The table, loaded once per process from the folder this plugin was loaded
// from. When the companion is missing or broken, every call gets an error
// naming the builtin and the problem instead.
sema::Result<const CryptoTable*> crypto_table(const char* builtin);
sema::Result<const NetTable*> net_table(const char* builtin);

}  // namespace sys
