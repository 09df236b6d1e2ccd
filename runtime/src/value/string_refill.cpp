#include "value/string_refill.hpp"

#include <cstring>

namespace sema::rt {

Word string_refill_rest(Word s, const char* bytes, size_t len) {
  if (is_type(s, SEMA_T_STRING) && as_obj(s)->rc == 1) {  // unobservable: reuse it
    auto* o = static_cast<StringObj*>(as_obj(s));
    // A text that fits the buffer is copied straight in: assign() goes
    // through _M_replace's general splice for that. The bytes may be the
    // string's own: memmove allows overlap.
    if (len <= o->text.capacity())
      o->text.resize_and_overwrite(len, [&](char* buf, size_t) {
        std::memmove(buf, bytes, len);
        return len;
      });
    else
      o->text.assign(bytes, len);
    o->hash_memo = 0;
    return s;
  }
  release(s);
  return make_string(bytes, len).take();
}

}  // namespace sema::rt
