// libsema-sys-crypto.so: the sys plugin's use of OpenSSL libcrypto
// (companion_api.hpp). Loaded on the first hash, base64 or UUID call.
#include "companion_api.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <climits>

namespace {

static_assert(sys::kMaxDigest == EVP_MAX_MD_SIZE);

unsigned digest(const EVP_MD* md, const void* data, size_t n, unsigned char* out) {
  unsigned len = 0;
  return EVP_Digest(data, n, out, &len, md, nullptr) == 1 ? len : 0;
}

unsigned md5(const void* data, size_t n, unsigned char* out) { return digest(EVP_md5(), data, n, out); }
unsigned sha256(const void* data, size_t n, unsigned char* out) { return digest(EVP_sha256(), data, n, out); }

unsigned hmac_sha256(const void* key, size_t key_len, const void* msg, size_t n, unsigned char* out) {
  if (key_len > INT_MAX) return 0;
  unsigned len = 0;
  const unsigned char* d = HMAC(EVP_sha256(), key, static_cast<int>(key_len), static_cast<const unsigned char*>(msg),
                                n, out, &len);
  return d != nullptr ? len : 0;
}

bool random_bytes(unsigned char* out, size_t n) { return n <= INT_MAX && RAND_bytes(out, static_cast<int>(n)) == 1; }

int base64_encode(unsigned char* out, const unsigned char* in, int n) { return EVP_EncodeBlock(out, in, n); }
int base64_decode(unsigned char* out, const unsigned char* in, int n) { return EVP_DecodeBlock(out, in, n); }

constexpr sys::CryptoTable kTable{sys::kCompanionAbi, md5, sha256, hmac_sha256, random_bytes, base64_encode,
                                  base64_decode};

}  // namespace

extern "C" __attribute__((visibility("default"))) const sys::CryptoTable* sema_sys_crypto_table() { return &kTable; }
