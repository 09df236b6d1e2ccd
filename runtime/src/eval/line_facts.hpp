// A line's facts worked out ahead of its row (sema.h: fastcall_line_sep,
// line_facts, fastcall_fold_facts): pure functions of the line's bytes that
// the row's deferred split, its number field and its deferred key would
// otherwise work out on the folding thread. fastio works them out on its
// reading thread; a row uses one only when it answers exactly the question
// the row would ask of the bytes (the same separator, the same range).
#pragma once

#include <sema/sema.h>

#include <cstddef>
#include <cstdint>

namespace sema::rt::mini {

struct Code;

struct LineFacts {
  uint64_t name_hash;  // text_hash of the bytes before the first separator
  double number;       // parse_tenths_back of the bytes after it (has_number)
  uint32_t first_sep;  // the first separator's index, or the line's length
  uint8_t sep;         // the separator
  uint8_t known;       // 0: nothing above is set (no separator asked, a text over 4 GiB)
  uint8_t has_number;
};
static_assert(sizeof(LineFacts) == sizeof(sema_line_facts));

// The separator of code's first deferred split (mini_compile.cpp,
// defer_splits), or -1.
int line_sep(const Code& code);
// The facts of p[0, n) for sep (-1: none known).
void line_facts(int sep, const char* p, size_t n, LineFacts* out);

}  // namespace sema::rt::mini
