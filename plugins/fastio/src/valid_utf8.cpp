#include "byte_scan.hpp"

#include <sema/utf8.hpp>

namespace fastio {

bool valid_utf8(std::string_view text) {
  auto bytes = reinterpret_cast<const uint8_t*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    i += ascii_prefix(bytes + i, n - i);
    if (i == n) break;
    size_t run = i;
    while (i < n && bytes[i] >= 0x80) ++i;
    if (!sema::utf8::valid(text.substr(run, i - run))) return false;
  }
  return true;
}

}  // namespace fastio
