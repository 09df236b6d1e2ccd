// (format fmt arg…): ~a display form, ~s write form, ~% newline, ~~ tilde.
// Any other "~x" is copied as is and consumes no argument; a lone trailing
// "~" prints "~"; directives past the last argument print nothing.
#include "io_common.hpp"

namespace sema_io {
namespace {

Result<Value> format(sema_ctx*, Args a) {
  auto fmt = sema::want_string(a[0]);
  if (!fmt) return std::unexpected(fmt.error());
  std::string_view f = *fmt;
  std::string out;
  out.reserve(f.size());
  size_t next_arg = 1;
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c != '~' || i + 1 == f.size()) {
      out += c;
      continue;
    }
    char d = f[++i];
    switch (d) {
      case 'a':
      case 'A':
      case 's':
      case 'S':
        if (next_arg < a.size()) out += sema::to_text(a[next_arg++], d == 'a' || d == 'A');
        break;
      case '%': out += '\n'; break;
      case '~': out += '~'; break;
      default:
        // Copied literally; the bytes of a multi-byte character after "~"
        // follow unchanged through the loop.
        out += '~';
        out += d;
    }
  }
  return Value::string(out);
}

}  // namespace

void register_format(sema::Registry& r) { r.add<format>("format", 1, SEMA_ARITY_VARIADIC); }

}  // namespace sema_io
