// Substring search over libc's memchr and memmem, used by string/split,
// string/index-of, string/contains? and string/replace.
#pragma once

#include <cstddef>
#include <string_view>

namespace sema_string {

inline constexpr size_t npos = std::string_view::npos;

// Byte offset of the first occurrence of needle in hay at or after from, or
// npos. An empty needle is found at from (when from <= hay.size()).
size_t find_bytes(std::string_view hay, std::string_view needle, size_t from = 0);

}  // namespace sema_string
