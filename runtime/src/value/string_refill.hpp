// A string refilled in place with new bytes when nobody else holds it (the
// change is unobservable): fastio's line string, one object for every line
// (host table's string_refill, fastcall_fold_texts' rows).
#pragma once

#include "value/value.hpp"

namespace sema::rt {

// Longer texts, a shared or outgrown string, not a string: out of line, so
// that the common case below saves no registers. Consumes s's reference.
[[gnu::visibility("hidden")]] Word string_refill_rest(Word s, const char* bytes, size_t len);

// s (an owned reference, or nil) holding bytes: s itself when it could be
// refilled, else a new string (s released). The bytes may be s's own.
[[gnu::always_inline]] inline Word string_refill(Word s, const char* bytes, size_t len) {
  // Up to 16 bytes into a buffer that fits them: copy_short, which allows
  // overlap too.
  if (len <= 16 && is_type(s, SEMA_T_STRING) && as_obj(s)->rc == 1) {
    auto* o = static_cast<StringObj*>(as_obj(s));
    if (len <= o->text.capacity()) {
      o->text.resize_and_overwrite(len, [&](char* buf, size_t) {
        copy_short(buf, bytes, len);
        return len;
      });
      o->hash_memo = 0;
      return s;
    }
  }
  return string_refill_rest(s, bytes, len);
}

// A call's text argument: s refilled (string_refill, s updated), plus a
// reference for the callee to take. The line callbacks' calls (host
// fastcall entries, their batch loop) share one string this way.
[[gnu::always_inline]] inline Word refill_argument(Word& s, const char* bytes, size_t len) {
  s = string_refill(s, bytes, len);
  retain(s);
  return s;
}

}  // namespace sema::rt
