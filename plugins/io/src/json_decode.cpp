// json/decode (stdlib.md §5.7) on nlohmann-json's SAX parser, building Sema
// values directly: null → nil, integers that fit i64 → int, other numbers →
// float, arrays → lists, objects → sorted maps with keyword keys (last
// duplicate wins). Nesting deeper than 128 is refused.
//
// Errors use the original's (serde_json) wording and position:
// "json/decode: <message> at line L column C". nlohmann reports what went
// wrong and the byte position; the parse state kept here (are we in an
// array or object, is it still empty) picks serde's message.
#include "io_common.hpp"

#include <nlohmann/json.hpp>

namespace sema_io {
namespace {

using sema::api;
using json = nlohmann::json;

constexpr size_t kMaxDepth = 128;

// serde_json's line/column of a byte offset: the line counts the newlines
// before it; the column counts the bytes since the last one.
std::string at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return " at line " + std::to_string(line) + " column " + std::to_string(offset - line_start);
}

class Builder final : public nlohmann::json_sax<json> {
 public:
  explicit Builder(std::string_view text) : text_(text) {
    if (text.find("-0") != std::string_view::npos) find_zero_signs();
  }

  bool null() override { return put(Value::nil()); }
  bool boolean(bool b) override { return put(Value::boolean(b)); }
  bool number_integer(number_integer_t i) override {
    if (i == 0 && next_zero_is_negative()) return put(Value::real(-0.0));  // serde: "-0" is a float
    return put(Value::integer(i));
  }
  bool number_unsigned(number_unsigned_t u) override {
    if (u == 0) next_zero_is_negative();  // keep the zero cursor in step
    if (u <= static_cast<number_unsigned_t>(INT64_MAX)) return put(Value::integer(static_cast<int64_t>(u)));
    return put(Value::real(static_cast<double>(u)));
  }
  bool number_float(number_float_t d, const string_t&) override { return put(Value::real(d)); }
  bool string(string_t& s) override { return put(Value::string(s)); }
  bool binary(binary_t&) override { return put(Value::nil()); }  // not produced by the JSON format

  bool start_object(std::size_t) override { return open(true); }
  bool key(string_t& k) override {
    stack_.back().key = Value::keyword(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    message_ = describe(position, ex.what());
    return false;
  }

  // The decoded value, or the error text after a failed parse.
  Value take_result() { return std::move(result_); }
  const std::string& message() const { return message_; }

 private:
  struct Frame {
    bool object;
    std::vector<Value> items;  // arrays only
    Value map;                 // objects only
    Value key;                 // the pending member name
    size_t count = 0;          // elements or members so far
  };

  bool put(Value v) {
    if (stack_.empty()) {
      result_ = std::move(v);
      return true;
    }
    Frame& f = stack_.back();
    ++f.count;
    if (f.object)
      f.map = Value::own(api->map_assoc(f.map.release(), f.key.get(), v.get()));
    else
      f.items.push_back(std::move(v));
    return true;
  }

  bool open(bool object) {
    if (stack_.size() >= kMaxDepth) {
      message_ = "recursion limit exceeded" + at(text_, too_deep_offset() + 1);
      return false;
    }
    stack_.push_back(Frame{object, {}, object ? Value::own(api->make_map()) : Value(), Value(), 0});
    return true;
  }

  bool close() {
    Frame& f = stack_.back();
    Value v = f.object ? std::move(f.map) : Value::list(std::move(f.items));
    stack_.pop_back();
    return put(std::move(v));
  }

  // Where the opener that goes past the depth limit sits: a scan that
  // skips string contents (SAX callbacks carry no position).
  size_t too_deep_offset() const {
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        if (++depth > kMaxDepth) return i;
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
    return text_.size();
  }

  // nlohmann reports "-0" as the integer 0, serde as the float -0.0. When the
  // text holds "-0" at all, the integer-zero tokens are listed in order (with
  // their sign) so the SAX callbacks, which see values in the same order,
  // can tell them apart.
  void find_zero_signs() {
    size_t i = 0, n = text_.size();
    while (i < n) {
      char c = text_[i];
      if (c == '"') {
        for (++i; i < n && text_[i] != '"'; ++i)
          if (text_[i] == '\\') ++i;
        ++i;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        size_t j = i;
        while (j < n && ((text_[j] >= '0' && text_[j] <= '9') || text_[j] == '-' || text_[j] == '+' ||
                         text_[j] == '.' || text_[j] == 'e' || text_[j] == 'E'))
          ++j;
        std::string_view num = text_.substr(i, j - i);
        if (num == "0" || num == "-0") zero_signs_.push_back(num == "-0");
        i = j;
      } else {
        ++i;
      }
    }
  }
  bool next_zero_is_negative() { return zero_next_ < zero_signs_.size() && zero_signs_[zero_next_++]; }

  // Start of the token that ends at byte `end`. nlohmann's "last read" text
  // does not say where a token starts (structural characters accumulate), so
  // the text is re-tokenized up to that point.
  size_t token_start(size_t end) const {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto structural = [](char c) { return c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    size_t i = 0, start = 0, n = text_.size();
    end = std::min(end, n);
    while (i < n) {
      while (i < n && ws(text_[i])) ++i;
      if (i >= n) break;
      start = i;
      char c = text_[i];
      if (structural(c)) {
        ++i;
      } else if (c == '"') {
        for (++i; i < n && text_[i] != '"'; ++i)
          if (text_[i] == '\\') ++i;
        if (i < n) ++i;
      } else if (c == '-' || digit(c)) {
        // Numbers as nlohmann lexes them: a leading 0 stands alone unless a
        // fraction or exponent follows ("01" is "0" then "1").
        size_t j = i + (c == '-' ? 1 : 0);
        bool zero = j < n && text_[j] == '0';
        i = zero ? j + 1 : j;
        if (!zero || (i < n && (text_[i] == '.' || text_[i] == 'e' || text_[i] == 'E')))
          while (i < n && (digit(text_[i]) || text_[i] == '.' || text_[i] == 'e' || text_[i] == 'E' ||
                           text_[i] == '+' || text_[i] == '-'))
            ++i;
        if (i == start) ++i;
      } else {
        while (i < n && !ws(text_[i]) && !structural(text_[i]) && text_[i] != '"') ++i;
      }
      if (i >= end) break;
    }
    return start;
  }

  // Maps nlohmann's diagnosis to serde_json's message and position.
  std::string describe(size_t position, std::string_view what) const {
    auto has = [&](std::string_view s) { return what.find(s) != std::string_view::npos; };
    const Frame* top = stack_.empty() ? nullptr : &stack_.back();
    bool in_array = top && !top->object, in_object = top && top->object;
    bool empty = top && top->count == 0;
    const size_t end = text_.size();
    // serde points one past the first byte of the token it peeked.
    const size_t tok = token_start(position);
    const size_t token_at = tok + 1;
    const char tok_char = tok < end ? text_[tok] : '\0';

    // A digit right after a lone leading zero ("01"): serde rejects the number.
    if (tok > 0 && tok_char >= '0' && tok_char <= '9' && text_[tok - 1] == '0') return "invalid number" + at(text_, token_at);
    if (has("number overflow")) return "number out of range" + at(text_, std::min(position, end));
    if (has("; expected end of input")) return "trailing characters" + at(text_, token_at);
    bool lexer = has("invalid literal") || has("invalid number") || has("invalid string") || has("invalid comment");
    if (lexer) {
      if (position > end)
        return (has("invalid string") ? "EOF while parsing a string" : "EOF while parsing a value") + at(text_, end);
      if (has("control character"))
        return "control character (\\u0000-\\u001F) found while parsing a string" + at(text_, position);
      if (has("must be followed by U+DC00")) return "lone leading surrogate in hex escape" + at(text_, position);
      if (has("must follow U+D800")) return "invalid unicode code point" + at(text_, position);
      if (has("ill-formed UTF-8")) return "invalid unicode code point" + at(text_, position);
      if (has("invalid string")) return "invalid escape" + at(text_, position);
      if (has("invalid number")) return "invalid number" + at(text_, position);
      return "expected ident" + at(text_, position);
    }
    if (has("unexpected end of input")) {
      std::string m = "EOF while parsing a value";
      if (has("while parsing array") || (has("while parsing value") && in_array && empty)) m = "EOF while parsing a list";
      if (has("while parsing object separator") || has("while parsing object -") ||
          (has("while parsing object key") && empty))
        m = "EOF while parsing an object";
      return m + at(text_, end);
    }
    if (has("while parsing value")) {
      bool trailing_comma = in_array && !empty && tok_char == ']';
      return (trailing_comma ? "trailing comma" : "expected value") + at(text_, token_at);
    }
    if (has("while parsing object key")) {
      bool trailing_comma = in_object && !empty && tok_char == '}';
      return (trailing_comma ? "trailing comma" : "key must be a string") + at(text_, token_at);
    }
    if (has("while parsing object separator")) return "expected `:`" + at(text_, token_at);
    if (has("while parsing array")) return "expected `,` or `]`" + at(text_, token_at);
    if (has("while parsing object")) return "expected `,` or `}`" + at(text_, token_at);
    return "expected value" + at(text_, token_at);
  }

  std::string_view text_;
  std::vector<bool> zero_signs_;
  size_t zero_next_ = 0;
  std::vector<Frame> stack_;
  Value result_;
  std::string message_;
};

Result<Value> json_decode(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  Builder b(*text);
  bool ok = json::sax_parse(text->data(), text->data() + text->size(), &b);
  if (!ok) return sema::eval_error("json/decode: " + b.message());
  return b.take_result();
}

}  // namespace

void register_json_decode(sema::Registry& r) { r.add<json_decode>("json/decode", 1, 1); }

}  // namespace sema_io
