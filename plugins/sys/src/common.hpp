// Helpers shared by the sys plugin's topic files.
#pragma once

#include <sema/sema.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sys {

// Each topic file registers its builtins here.
void register_system(sema::Registry& r);
void register_shell(sema::Registry& r);
void register_terminal(sema::Registry& r);
void register_spinner(sema::Registry& r);
void register_datetime(sema::Registry& r);
void register_crypto(sema::Registry& r);
void register_bytevector(sema::Registry& r);
void register_http(sema::Registry& r);

// UTF-8 checking with the same verdicts and error texts as Rust's
// std::str::from_utf8, because several builtins surface those texts.
struct Utf8Error {
  size_t valid_up_to = 0;
  std::optional<size_t> error_len;  // nullopt: the input ended inside a sequence
};
std::optional<Utf8Error> check_utf8(std::string_view s);
// "invalid utf-8 sequence of 1 bytes from index 3" / "incomplete utf-8 byte sequence from index 3"
std::string describe(const Utf8Error& e);
// Rust's String::from_utf8_lossy: each maximal invalid piece becomes one U+FFFD.
std::string lossy_utf8(std::string_view s);

// Builds a sorted map with keyword keys.
class MapBuilder {
 public:
  MapBuilder() : m_(sema::Value::own(sema::api->make_map())) {}
  MapBuilder& set(std::string_view key, const sema::Value& v) {
    sema::Value k = sema::Value::keyword(key);
    m_ = sema::Value::own(sema::api->map_assoc(m_.release(), k.get(), v.get()));
    return *this;
  }
  sema::Value done() { return std::move(m_); }

 private:
  sema::Value m_;
};

// Looks up a keyword key in a sorted map (borrowed result), or nullopt.
std::optional<sema_value> map_lookup(sema_value map, std::string_view keyword);

// A sorted map value (not a hashmap).
inline bool is_map(sema_value v) { return sema_is_ptr(v) && sema::api->type_of(v) == SEMA_T_MAP; }

// Rust's io::Error display: "No such file or directory (os error 2)".
std::string os_error_text(int err);

}  // namespace sys
