// A line's facts worked out ahead of its row (sema.h: fastcall_line_sep,
// line_facts, fastcall_fold_facts): pure functions of the line's bytes that
// the row's deferred split, its number field and its deferred key would
// otherwise work out on the folding thread. fastio works them out on its
// reading thread; a row uses one only when it answers exactly the question
// the row would ask of the bytes (the same separator, the same range).
#pragma once

#include <sema/sema.h>

#include <boost/unordered/unordered_flat_map.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sema::rt::mini {

struct Code;

struct LineFacts {
  uint64_t name_hash;  // text_hash of the bytes before the first separator
  double number;       // parse_tenths_back of the bytes after it; NaN: none
  uint32_t first_sep;  // the first separator's index, or the line's length
  uint8_t sep;         // the separator
  uint8_t known;       // 0: nothing here is set (no separator asked, a text over 4 GiB)
  // The name's number in the fold's LineKeys (1, 2, … in order of first
  // sight), 0: none. Equal numbers: equal names, byte for byte.
  uint16_t key;
  bool has_number() const { return number == number; }
};
static_assert(sizeof(LineFacts) == sizeof(sema_line_facts));

// The names a fold's lines start with, numbered (LineFacts::key): made and
// used by one reading thread (the host table's fastcall_line_facts).
class LineKeys {
 public:
  // At most max names, none over kMaxName bytes, kMaxBytes of them in all:
  // the table is the reading thread's, whatever the callback keeps.
  static constexpr size_t kMaxName = 128;
  static constexpr size_t kMaxBytes = size_t{4} << 20;
  explicit LineKeys(uint32_t max = UINT16_MAX) : max_(max) {}
  // name's number (hash: its text_hash), a new one at its first sight; 0
  // for a name past the limits above, or without the memory for it. Never
  // throws.
  uint32_t key(std::string_view name, uint64_t hash) noexcept;

 private:
  struct Name {
    std::string_view t;
    uint64_t hash;
  };
  struct Hash {
    using is_transparent = void;
    using is_avalanching = void;  // text_hash mixes its output
    size_t operator()(const std::string& s) const;
    size_t operator()(Name n) const { return static_cast<size_t>(n.hash); }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(const std::string& a, const std::string& b) const { return a == b; }
    bool operator()(Name a, const std::string& b) const;
    bool operator()(const std::string& a, Name b) const { return (*this)(b, a); }
  };
  boost::unordered_flat_map<std::string, uint32_t, Hash, Eq> keys_;
  uint32_t max_;
  size_t bytes_ = 0;  // the names' bytes so far
};

// The separator of code's first deferred split (mini_compile.cpp,
// defer_splits), or -1.
int line_sep(const Code& code);
// The facts of p[0, n) for sep (-1: none known); keys: the fold's names,
// for LineFacts::key (null: no key).
void line_facts(int sep, const char* p, size_t n, LineFacts* out, LineKeys* keys = nullptr);

}  // namespace sema::rt::mini
