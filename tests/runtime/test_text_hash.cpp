// Texts' hash and equality (value/text_hash.hpp): the short-text paths read
// words at offsets chosen by the length, so every length and every byte
// position must count, and the string, text and generic paths must agree.
#include "value/text_hash.hpp"
#include "value/value.hpp"
#include "sema_test.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace sema::rt;

using sema::test::one_byte_apart;

TEST_CASE("same_text: equal exactly when the bytes are, at every length and position", "[values][text]") {
  std::vector<std::string> texts = one_byte_apart();
  std::string pad_a = "#", pad_b = "@@@";  // the views start at different offsets
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string a = pad_a + texts[i] + "#";
    for (size_t j = 0; j < texts.size(); ++j) {
      if (texts[j].size() != texts[i].size() && texts[j].size() != texts[i].size() + 1) continue;
      std::string b = pad_b + texts[j] + "@";
      std::string_view x(a.data() + 1, texts[i].size()), y(b.data() + 3, texts[j].size());
      INFO("'" << texts[i] << "' vs '" << texts[j] << "'");
      CHECK(same_text(x, y) == (texts[i] == texts[j]));
    }
  }
}

TEST_CASE("text hashes: the string, the text and hash() agree; one byte apart hash apart", "[values][text]") {
  std::vector<std::string> texts = one_byte_apart();
  std::vector<uint64_t> hashes;
  for (const std::string& t : texts) {
    std::string padded = "@" + t + "@";
    Value s = make_string(t);
    uint64_t h = text_hash(std::string_view(padded.data() + 1, t.size()));
    INFO("'" << t << "'");
    CHECK(h == string_hash(static_cast<const StringObj*>(as_obj(s.get()))));
    CHECK(h == hash(s.get()));
    CHECK(h == hash(make_string(t).get()));
    hashes.push_back(h);
  }
  // Not required in general, but for these texts a collision would mean a
  // byte or the length left out of the hash.
  std::vector<uint64_t> sorted = hashes;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}
