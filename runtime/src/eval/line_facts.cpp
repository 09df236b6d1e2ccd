#include "eval/line_facts.hpp"

#include "eval/mini_eval.hpp"
#include "value/text_hash.hpp"

#include <sema/number_syntax.hpp>

#include <cstring>
#include <limits>
#include <string_view>

namespace sema::rt::mini {

int line_sep(const Code& code) {
  for (const MNode& m : code.nodes)
    if (m.split_role == MNode::Split::Defer) return static_cast<unsigned char>(m.split_sep);
  return -1;
}

size_t LineKeys::Hash::operator()(const std::string& s) const { return static_cast<size_t>(text_hash(s)); }
bool LineKeys::Eq::operator()(Name a, const std::string& b) const { return same_text(a.t, b); }

uint32_t LineKeys::key(std::string_view name, uint64_t hash) noexcept {
  if (auto it = keys_.find(Name{name, hash}); it != keys_.end()) return it->second;
  if (keys_.size() >= max_ || name.size() > kMaxName || bytes_ + name.size() > kMaxBytes) return 0;
  uint32_t k = static_cast<uint32_t>(keys_.size()) + 1;
  // On the reading thread nothing may throw: without memory for the name,
  // it has no number (the row finds it by its bytes).
  try {
    keys_.emplace(std::string(name), k);
  } catch (...) {
    return 0;
  }
  bytes_ += name.size();
  return k;
}

void line_facts(int sep, const char* p, size_t n, LineFacts* out, LineKeys* keys) {
  *out = LineFacts{};
  out->number = std::numeric_limits<double>::quiet_NaN();
  if (sep < 0 || sep > 255 || n > UINT32_MAX) return;
  const void* hit = std::memchr(p, sep, n);
  size_t first = hit ? static_cast<size_t>(static_cast<const char*>(hit) - p) : n;
  out->first_sep = static_cast<uint32_t>(first);
  out->sep = static_cast<uint8_t>(sep);
  out->known = 1;
  out->name_hash = text_hash(std::string_view(p, first));
  if (keys != nullptr) out->key = static_cast<uint16_t>(keys->key(std::string_view(p, first), out->name_hash));
  if (first < n && !num::parse_tenths_back(p + first + 1, p + n, &out->number))
    out->number = std::numeric_limits<double>::quiet_NaN();
}

}  // namespace sema::rt::mini
