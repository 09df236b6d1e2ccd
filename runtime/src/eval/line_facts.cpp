#include "eval/line_facts.hpp"

#include "eval/mini_eval.hpp"
#include "value/text_hash.hpp"

#include <sema/number_syntax.hpp>

#include <cstring>
#include <string_view>

namespace sema::rt::mini {

int line_sep(const Code& code) {
  for (const MNode& m : code.nodes)
    if (m.split_role == MNode::Split::Defer) return static_cast<unsigned char>(m.split_sep);
  return -1;
}

void line_facts(int sep, const char* p, size_t n, LineFacts* out) {
  *out = LineFacts{};
  if (sep < 0 || sep > 255 || n > UINT32_MAX) return;
  const void* hit = std::memchr(p, sep, n);
  size_t first = hit ? static_cast<size_t>(static_cast<const char*>(hit) - p) : n;
  out->first_sep = static_cast<uint32_t>(first);
  out->sep = static_cast<uint8_t>(sep);
  out->known = 1;
  out->name_hash = text_hash(std::string_view(p, first));
  if (first < n) out->has_number = num::parse_tenths_back(p + first + 1, p + n, &out->number) ? 1 : 0;
}

}  // namespace sema::rt::mini
