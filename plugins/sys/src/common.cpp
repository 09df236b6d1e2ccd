#include "common.hpp"

#include <cstring>

namespace sys {

namespace {
bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence at s[i], or the Rust-style error for it.
// Returns 0 and fills err when the sequence is invalid.
size_t sequence_at(std::string_view s, size_t i, Utf8Error& err) {
  auto at = [&](size_t k) -> int { return k < s.size() ? static_cast<unsigned char>(s[k]) : -1; };
  unsigned char c = static_cast<unsigned char>(s[i]);
  err.valid_up_to = i;
  if (c < 0x80) return 1;
  int width = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (width == 0) {
    err.error_len = 1;
    return 0;
  }
  // The second byte's allowed range depends on the first (no overlongs, no
  // surrogates, nothing above U+10FFFF).
  int lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  else if (c == 0xED) hi = 0x9F;
  else if (c == 0xF0) lo = 0x90;
  else if (c == 0xF4) hi = 0x8F;
  int b1 = at(i + 1);
  if (b1 < 0) {
    err.error_len.reset();
    return 0;
  }
  if (b1 < lo || b1 > hi) {
    err.error_len = 1;
    return 0;
  }
  for (int k = 2; k < width; ++k) {
    int b = at(i + k);
    if (b < 0) {
      err.error_len.reset();
      return 0;
    }
    if (!cont(static_cast<unsigned char>(b))) {
      err.error_len = static_cast<size_t>(k);
      return 0;
    }
  }
  return static_cast<size_t>(width);
}
}  // namespace

std::optional<Utf8Error> check_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    Utf8Error err;
    size_t n = sequence_at(s, i, err);
    if (n == 0) return err;
    i += n;
  }
  return std::nullopt;
}

std::string describe(const Utf8Error& e) {
  if (e.error_len) {
    return "invalid utf-8 sequence of " + std::to_string(*e.error_len) + " bytes from index " +
           std::to_string(e.valid_up_to);
  }
  return "incomplete utf-8 byte sequence from index " + std::to_string(e.valid_up_to);
}

std::string lossy_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    Utf8Error err;
    size_t n = sequence_at(s, i, err);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    out += "\xEF\xBF\xBD";
    // An incomplete tail is replaced as a whole, like Rust does.
    i = err.error_len ? i + *err.error_len : s.size();
  }
  return out;
}

std::optional<sema_value> map_lookup(sema_value map, std::string_view keyword) {
  sema::Value k = sema::Value::keyword(keyword);
  int found = 0;
  sema_value v = sema::api->map_get(map, k.get(), &found);
  if (!found) return std::nullopt;
  return v;
}

std::string os_error_text(int err) {
  char buf[256];
  const char* text = strerror_r(err, buf, sizeof buf);  // GNU variant returns the text
  return std::string(text) + " (os error " + std::to_string(err) + ")";
}

}  // namespace sys
