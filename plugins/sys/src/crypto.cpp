// Hashes, HMAC, base64 and UUIDs (stdlib.md §7.4) over OpenSSL libcrypto,
// which the crypto companion library wraps (companion_api.hpp).
#include "common.hpp"
#include "companion.hpp"

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

std::string hex(const unsigned char* p, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) s += kDigits[p[i] >> 4], s += kDigits[p[i] & 15];
  return s;
}

using DigestFn = unsigned (*)(const void*, size_t, unsigned char*);

Result<Value> digest(Args a, const char* builtin, DigestFn CryptoTable::*fn) {
  auto s = sema::want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto lib = crypto_table(builtin);
  if (!lib) return std::unexpected(lib.error());
  unsigned char out[kMaxDigest];
  unsigned len = ((*lib)->*fn)(s->data(), s->size(), out);
  if (len == 0) return sema::eval_error("hash: digest failed");
  return Value::string(hex(out, len));
}

Result<Value> md5(sema_ctx*, Args a) { return digest(a, "hash/md5", &CryptoTable::md5); }
Result<Value> sha256(sema_ctx*, Args a) { return digest(a, "hash/sha256", &CryptoTable::sha256); }

Result<Value> hmac_sha256(sema_ctx*, Args a) {
  auto key = sema::want_string(a[0]);
  if (!key) return std::unexpected(key.error());
  auto msg = sema::want_string(a[1]);
  if (!msg) return std::unexpected(msg.error());
  auto lib = crypto_table("hash/hmac-sha256");
  if (!lib) return std::unexpected(lib.error());
  unsigned char out[kMaxDigest];
  static const unsigned char kEmpty = 0;  // HMAC wants a non-null key pointer
  const void* k = key->empty() ? static_cast<const void*>(&kEmpty) : static_cast<const void*>(key->data());
  unsigned len = (*lib)->hmac_sha256(k, key->size(), msg->data(), msg->size(), out);
  if (len == 0) return sema::eval_error("hash/hmac-sha256: HMAC failed");
  return Value::string(hex(out, len));
}

Result<Value> uuid_v4(sema_ctx*, Args) {
  auto lib = crypto_table("uuid/v4");
  if (!lib) return std::unexpected(lib.error());
  unsigned char b[16];
  if (!(*lib)->random_bytes(b, sizeof b)) return sema::eval_error("uuid/v4: no random bytes available");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string h = hex(b, sizeof b);
  return Value::string(h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
                       h.substr(20));
}

Result<Value> b64_encode(sema_ctx*, Args a) {
  auto s = sema::want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto lib = crypto_table("base64/encode");
  if (!lib) return std::unexpected(lib.error());
  std::string out(4 * ((s->size() + 2) / 3) + 1, '\0');
  int n = (*lib)->base64_encode(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(s->data()), static_cast<int>(s->size()));
  out.resize(static_cast<size_t>(n));
  return Value::string(out);
}

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Checks the input with the rules of Rust's base64 STANDARD engine (canonical
// padding required) and returns its error text, or nothing when it is valid.
std::optional<std::string> b64_check(std::string_view s) {
  size_t pad_start = s.size();
  while (pad_start > 0 && s[pad_start - 1] == '=') --pad_start;
  for (size_t i = 0; i < pad_start; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (b64_value(c) < 0) return "Invalid symbol " + std::to_string(c) + ", offset " + std::to_string(i) + ".";
  }
  size_t symbols = pad_start, pads = s.size() - pad_start;
  if (symbols % 4 == 1) return "Invalid input length: " + std::to_string(s.size());
  size_t want_pads = symbols % 4 == 0 ? 0 : 4 - symbols % 4;
  // A '=' beyond what the final group needs is a stray symbol; too few is
  // missing padding.
  if (pads > want_pads) return "Invalid symbol 61, offset " + std::to_string(pad_start + want_pads) + ".";
  if (pads < want_pads) return std::string("Invalid padding");
  // The unused low bits of the last symbol must be zero.
  if (symbols % 4 != 0) {
    size_t last = symbols - 1;
    int v = b64_value(static_cast<unsigned char>(s[last]));
    int unused_mask = symbols % 4 == 2 ? 0x0F : 0x03;
    if (v & unused_mask)
      return "Invalid last symbol " + std::to_string(static_cast<unsigned char>(s[last])) + ", offset " +
             std::to_string(last) + ".";
  }
  return std::nullopt;
}

Result<Value> b64_decode(sema_ctx*, Args a) {
  auto s = sema::want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  if (auto bad = b64_check(*s)) return sema::eval_error("base64/decode: " + *bad);
  auto lib = crypto_table("base64/decode");
  if (!lib) return std::unexpected(lib.error());
  std::string out(3 * (s->size() / 4) + 3, '\0');
  int n = (*lib)->base64_decode(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(s->data()), static_cast<int>(s->size()));
  if (n < 0) return sema::eval_error("base64/decode: Invalid padding");
  // The decoder (EVP_DecodeBlock) counts the zero bytes behind the padding; drop them.
  size_t pads = s->size() - s->find_last_not_of('=') - 1;
  if (s->empty()) pads = 0;
  out.resize(static_cast<size_t>(n) - pads);
  if (auto e = check_utf8(out)) return sema::eval_error("base64/decode: invalid UTF-8: " + describe(*e));
  return Value::string(out);
}

}  // namespace

void register_crypto(sema::Registry& r) {
  r.add<uuid_v4>("uuid/v4", 0, 0)
      .add<b64_encode>("base64/encode", 1, 1)
      .add<b64_decode>("base64/decode", 1, 1)
      .add<md5>("hash/md5", 1, 1)
      .add<sha256>("hash/sha256", 1, 1)
      .add<hmac_sha256>("hash/hmac-sha256", 2, 2);
}

}  // namespace sys
