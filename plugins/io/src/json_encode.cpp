// json/encode and json/encode-pretty (stdlib.md §5.7), through the SDK's
// shared encoder (sema/json_encode.hpp).
#include "io_common.hpp"

#include <sema/json_encode.hpp>

namespace sema_io {
namespace {

Result<Value> encode(Args a, bool pretty) {
  auto text = sema::json::encode(a[0], pretty);
  if (!text) return std::unexpected(text.error());
  return Value::string(*text);
}

Result<Value> json_encode(sema_ctx*, Args a) { return encode(a, false); }
Result<Value> json_encode_pretty(sema_ctx*, Args a) { return encode(a, true); }

}  // namespace

void register_json_encode(sema::Registry& r) {
  r.add<json_encode>("json/encode", 1, 1);
  r.add<json_encode_pretty>("json/encode-pretty", 1, 1);
}

}  // namespace sema_io
