// string->number's intrinsic (SEMA_INTRINSIC_STRING_TO_NUMBER, eval/intrinsics.hpp):
// the short decimal texts ("12.3", "-7") with the sdk parser the string
// plugin's hook uses first, so both give the same word; every other text,
// and every non-string, is the builtin's (false).
#include "eval/intrinsics.hpp"

#include <sema/number_syntax.hpp>

namespace sema::rt {

namespace {

// In both entries below: a tail call from one to the other costs std's
// evaluator a few instructions per call.
[[gnu::always_inline]] inline bool parse_text(std::string_view text, Word& out) {
  int64_t whole = 0;
  double real = 0;
  switch (num::parse_short(text, &whole, &real)) {
    case num::Short::Int:
      if (!sema_fits_small_int(whole)) return false;
      out = sema_from_small_int(whole);
      return true;
    case num::Short::Float: out = sema_from_float(real); return true;
    case num::Short::Other: return false;
  }
  return false;
}

}  // namespace

[[SEMA_HOT_TEXT]] bool short_text_to_number(std::string_view text, Word& out) { return parse_text(text, out); }

[[SEMA_HOT_TEXT]] bool short_string_to_number(Word a, Word& out) { return is_type(a, SEMA_T_STRING) && parse_text(string_of(a), out); }

}  // namespace sema::rt
