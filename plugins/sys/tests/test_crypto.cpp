// Hashes, HMAC, base64 and UUIDs (stdlib.md §7.4).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <regex>
#include <set>

using sema::test::Session;

TEST_CASE("hash/md5 and hash/sha256 known vectors", "[sys][crypto]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(hash/md5 \"\")") == "\"d41d8cd98f00b204e9800998ecf8427e\"");
  CHECK(s.eval("(hash/md5 \"abc\")") == "\"900150983cd24fb0d6963f7d28e17f72\"");
  CHECK(s.eval("(hash/sha256 \"\")") == "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"");
  CHECK(s.eval("(hash/sha256 \"abc\")") == "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  // UTF-8 bytes are hashed: "é" is C3 A9.
  CHECK(s.eval("(hash/md5 \"é\")") == "\"66ddcd97cfdeabb2f6fb8a999b4bc76f\"");
  CHECK(s.eval("(hash/md5 (bytevector 1 2))") == "Type error: expected string, got bytevector");
  CHECK(s.eval("(hash/sha256 'abc)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(hash/md5)") == "Arity error: hash/md5 expects 1 args, got 0");
  CHECK(s.eval("(hash/sha256 \"a\" \"b\")") == "Arity error: hash/sha256 expects 1 args, got 2");
}

TEST_CASE("hash/hmac-sha256 (RFC 4231 vectors)", "[sys][crypto]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(hash/hmac-sha256 \"Jefe\" \"what do ya want for nothing?\")") ==
        "\"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843\"");
  CHECK(s.eval("(hash/hmac-sha256 \"key\" \"The quick brown fox jumps over the lazy dog\")") ==
        "\"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8\"");
  CHECK(s.eval("(hash/hmac-sha256 \"\" \"\")") ==
        "\"b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad\"");
  CHECK(s.eval("(hash/hmac-sha256 1 \"m\")") == "Type error: expected string, got int");
  CHECK(s.eval("(hash/hmac-sha256 \"k\" nil)") == "Type error: expected string, got nil");
  CHECK(s.eval("(hash/hmac-sha256 \"k\")") == "Arity error: hash/hmac-sha256 expects 2 args, got 1");
}

TEST_CASE("base64/encode pads with =", "[sys][crypto]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(base64/encode \"\")") == "\"\"");
  CHECK(s.eval("(base64/encode \"f\")") == "\"Zg==\"");
  CHECK(s.eval("(base64/encode \"fo\")") == "\"Zm8=\"");
  CHECK(s.eval("(base64/encode \"foo\")") == "\"Zm9v\"");
  CHECK(s.eval("(base64/encode \"hello\")") == "\"aGVsbG8=\"");
  CHECK(s.eval("(base64/encode \"é?>\")") == "\"w6k/Pg==\"");  // standard alphabet: / and +
  CHECK(s.eval("(base64/encode 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(base64/encode (bytevector 1))") == "Type error: expected string, got bytevector");
  CHECK(s.eval("(base64/encode)") == "Arity error: base64/encode expects 1 args, got 0");
}

TEST_CASE("base64/decode requires valid padded input", "[sys][crypto]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(base64/decode \"\")") == "\"\"");
  CHECK(s.eval("(base64/decode \"Zg==\")") == "\"f\"");
  CHECK(s.eval("(base64/decode \"Zm8=\")") == "\"fo\"");
  CHECK(s.eval("(base64/decode \"aGVsbG8=\")") == "\"hello\"");
  CHECK(s.eval("(base64/decode \"w6k/Pg==\")") == "\"é?>\"");
  CHECK(s.eval("(base64/decode (base64/encode \"round trip ✓\"))") == "\"round trip ✓\"");
  CHECK(s.eval("(base64/decode \"Zg\")") == "Eval error: base64/decode: Invalid padding");
  CHECK(s.eval("(base64/decode \"Zm8\")") == "Eval error: base64/decode: Invalid padding");
  CHECK(s.eval("(base64/decode \"Zm9v!\")") == "Eval error: base64/decode: Invalid symbol 33, offset 4.");
  CHECK(s.eval("(base64/decode \"Zm 9v\")") == "Eval error: base64/decode: Invalid symbol 32, offset 2.");
  CHECK(s.eval("(base64/decode \"Zm9vY\")") == "Eval error: base64/decode: Invalid input length: 5");
  CHECK(s.eval("(base64/decode \"Zm9v=\")") == "Eval error: base64/decode: Invalid symbol 61, offset 4.");
  CHECK(s.eval("(base64/decode \"Zh==\")") == "Eval error: base64/decode: Invalid last symbol 104, offset 1.");
  CHECK(s.eval("(base64/decode \"/w==\")") ==
        "Eval error: base64/decode: invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 0");
  CHECK(s.eval("(base64/decode \"YcM=\")") ==
        "Eval error: base64/decode: invalid UTF-8: incomplete utf-8 byte sequence from index 1");
  CHECK(s.eval("(base64/decode 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(base64/decode)") == "Arity error: base64/decode expects 1 args, got 0");
}

TEST_CASE("uuid/v4 is random and well formed", "[sys][crypto]") {
  Session s("core,string,map,sys");
  std::regex shape("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    std::string u = s.eval("(uuid/v4)");
    CHECK(std::regex_match(u, shape));
    seen.insert(u);
  }
  CHECK(seen.size() == 20);
  CHECK(s.eval("(string-length (uuid/v4))") == "36");
  CHECK(s.eval("(uuid/v4 1)") == "Arity error: uuid/v4 expects 0 args, got 1");
}
