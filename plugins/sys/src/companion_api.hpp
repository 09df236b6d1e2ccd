// The tables the sys plugin's companion libraries export. libsema-sys-crypto.so
// (libcrypto) and libsema-sys-net.so (libcurl) sit next to the plugin and are
// opened on the first builtin call that needs them (companion.hpp), so loading
// sys costs none of those libraries' loading, relocation or initialisers
// (decisions.md, "sys's network and crypto libraries load on first use").
//
// Both sides are built together from this header (C++ types cross the
// boundary); kCompanionAbi refuses a companion left over from another build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sys {

inline constexpr uint32_t kCompanionAbi = 1;

// The exported entry points (extern "C", default visibility in the companion).
inline constexpr const char* kCryptoTableSymbol = "sema_sys_crypto_table";
inline constexpr const char* kNetTableSymbol = "sema_sys_net_table";

// OpenSSL libcrypto, thinly wrapped.
struct CryptoTable {
  uint32_t abi;
  // Digests write at most kMaxDigest bytes to out and return the length
  // written, 0 on failure.
  unsigned (*md5)(const void* data, size_t n, unsigned char* out);
  unsigned (*sha256)(const void* data, size_t n, unsigned char* out);
  unsigned (*hmac_sha256)(const void* key, size_t key_len, const void* msg, size_t n, unsigned char* out);
  // Cryptographically strong random bytes; false when none are available.
  bool (*random_bytes)(unsigned char* out, size_t n);
  // EVP_EncodeBlock / EVP_DecodeBlock: the length written, or -1.
  int (*base64_encode)(unsigned char* out, const unsigned char* in, int n);
  int (*base64_decode)(unsigned char* out, const unsigned char* in, int n);
};
inline constexpr size_t kMaxDigest = 64;  // EVP_MAX_MD_SIZE

// One synchronous HTTP exchange over libcurl.
struct HttpTransfer {
  // Request.
  std::string method;  // upper case; "HEAD" sends no body request
  std::string url;
  std::optional<std::string> body;
  std::vector<std::string> header_lines;  // "Name: value" (or "Name;" for an empty value)
  long timeout_ms = -1;                   // negative: no limit
  // Polled during the transfer; true aborts it.
  bool (*interrupted)(void* user) = nullptr;
  void* user = nullptr;

  // Response.
  bool ok = false;
  std::string error;          // when !ok: libcurl's message, no trailing newline
  bool headers_done = false;  // the final response's header block ended
  bool was_interrupted = false;
  long status = 0;
  std::map<std::string, std::string> headers;  // lowercase name → last value
  std::string response_body;
};

struct NetTable {
  uint32_t abi;
  void (*perform)(HttpTransfer& t);
};

}  // namespace sys
