// Boxed integers, strings, bytevectors and records.
#include "value/value.hpp"

namespace sema::rt {

Word make_int(int64_t i) {
  if (sema_fits_small_int(i)) return sema_from_small_int(i);
  return from_obj(new BigIntObj(i));
}

Value make_string(std::string s) { return Value::own(from_obj(new StringObj(std::move(s)))); }
[[SEMA_HOT_TEXT]] Value make_string(const char* bytes, size_t len) { return Value::own(from_obj(new StringObj(bytes, len))); }

Value make_bytevector(std::vector<uint8_t> bytes) {
  auto* b = new BytevectorObj();
  b->bytes = std::move(bytes);
  return Value::own(from_obj(b));
}

RecordObj::~RecordObj() {
  for (Word w : fields) release(w);
}

Value make_record(uint32_t tag, std::vector<Word>&& fields) {
  auto* r = new RecordObj();
  r->tag = tag;
  r->fields = std::move(fields);
  return Value::own(from_obj(r));
}

}  // namespace sema::rt
