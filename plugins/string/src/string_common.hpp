// Helpers shared by the string plugin's files.
#pragma once

#include <sema/sema.hpp>
#include <sema/utf8.hpp>

#include <boost/container/small_vector.hpp>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sema_string {

using sema::Args;
using sema::Result;
using sema::Value;

inline bool has_type(sema_value v, sema_type t) { return sema::is_obj(v, t); }

// Appends the display form of v (strings raw) to out.
inline void append_display(std::string& out, sema_value v) {
  if (sema::is_string(v)) {
    out += sema::string_of(v);
    return;
  }
  sema::api->print_to(
      v, 1, [](void* user, const char* p, size_t n) { static_cast<std::string*>(user)->append(p, n); }, &out);
}

// The code points of s, in order.
inline std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> cps;
  cps.reserve(s.size());
  for (size_t i = 0; i < s.size();) cps.push_back(sema::utf8::next(s, i));
  return cps;
}

// The parts of a text that become a list of new strings: pointers into the
// text (which must outlive list()) and lengths, kept in the shape the host's
// make_string_list takes, so a split hands them over without a conversion.
class StringParts {
 public:
  StringParts() = default;
  StringParts(const StringParts&) = delete;
  StringParts& operator=(const StringParts&) = delete;

  void push(const char* p, size_t n) {
    if (n_ < kInline) [[likely]] {
      ptrs_[n_] = p;
      lens_[n_++] = n;
      return;
    }
    spill(p, n);
  }
  void push(std::string_view p) { push(p.data(), p.size()); }

  // Hosts that have make_string_list build the list in one call; older ones
  // get the words one by one, handed straight to make_list (which steals
  // them) from a stack buffer.
  Value list() const {
    const sema_host_api* api = sema::api;
    const char* const* ptrs = more_ ? more_->ptrs.data() : ptrs_;
    const size_t* lens = more_ ? more_->lens.data() : lens_;
    if (SEMA_HOST_HAS(api, make_string_list)) return Value::own(api->make_string_list(ptrs, lens, n_));
    boost::container::small_vector<sema_value, 8> words;
    words.reserve(n_);  // may throw before any string exists
    try {
      for (size_t i = 0; i < n_; ++i) words.push_back(api->make_string(ptrs[i], lens[i]));
    } catch (...) {
      for (sema_value w : words) sema::release(w);
      throw;
    }
    return Value::own(api->make_list(words.data(), words.size()));
  }

 private:
  // Plain arrays for a short line (1BRC's two fields): no allocation and no
  // capacity checks; a longer split moves everything into the vectors once.
  static constexpr size_t kInline = 8;
  __attribute__((noinline)) void spill(const char* p, size_t n) {
    if (!more_) {
      more_ = std::make_unique<Spill>();
      more_->ptrs.assign(ptrs_, ptrs_ + n_);
      more_->lens.assign(lens_, lens_ + n_);
    }
    more_->ptrs.push_back(p);
    more_->lens.push_back(n);
    ++n_;
  }
  const char* ptrs_[kInline];
  size_t lens_[kInline];
  size_t n_ = 0;
  // One pointer (one store to make, one test to free) instead of two
  // vectors: a short split never touches them.
  struct Spill {
    std::vector<const char*> ptrs;
    std::vector<size_t> lens;
  };
  std::unique_ptr<Spill> more_;
};

inline Value list_of_strings(std::span<const std::string_view> parts) {
  StringParts out;
  for (auto p : parts) out.push(p);
  return out.list();
}

// The unsigned reading of a negative index, as Rust's `as usize` shows it
// (stdlib.md §1.7).
inline uint64_t as_unsigned(int64_t i) { return static_cast<uint64_t>(i); }


void register_basic(sema::Registry& r);
void register_search(sema::Registry& r);
void register_case(sema::Registry& r);
void register_chars(sema::Registry& r);
void register_conversions(sema::Registry& r);
void register_regex(sema::Registry& r);

}  // namespace sema_string
