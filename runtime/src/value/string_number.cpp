// string->number's intrinsic (SEMA_INTRINSIC_STRING_TO_NUMBER, eval/intrinsics.hpp):
// the short decimal texts ("12.3", "-7") with the sdk parser the string
// plugin's hook uses first, so both give the same word; every other text,
// and every non-string, is the builtin's (false).
#include "eval/intrinsics.hpp"

#include <sema/number_syntax.hpp>

namespace sema::rt {

bool short_string_to_number(Word a, Word& out) {
  if (!is_type(a, SEMA_T_STRING)) return false;
  int64_t whole = 0;
  double real = 0;
  switch (num::parse_short(string_of(a), &whole, &real)) {
    case num::Short::Int:
      if (!sema_fits_small_int(whole)) return false;
      out = sema_from_small_int(whole);
      return true;
    case num::Short::Float: out = sema_from_float(real); return true;
    case num::Short::Other: return false;
  }
  return false;
}

}  // namespace sema::rt
