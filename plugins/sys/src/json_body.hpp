// JSON encoding of a request body, with the json/encode rules of stdlib.md §5.7
// (a plugin cannot call another plugin's code, so the encoder lives here too).
#pragma once

#include <sema/sema.hpp>

#include <string>

namespace sys {

// The compact JSON text of v, or the json/encode error message.
std::expected<std::string, std::string> json_encode(sema_value v);

}  // namespace sys
