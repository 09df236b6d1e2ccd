// Value layer: integers, strings, lists (shared reverse stores), vectors,
// sorted maps and hashmaps (copy-on-write), records, the interner, iterative
// destruction and the error texts.
#include "error/error.hpp"
#include "value/hashmap.hpp"
#include "value/interner.hpp"
#include "value/value.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace sema::rt;

namespace {

std::string w(Word v) { return to_text(v, false); }

Value ints(std::initializer_list<int64_t> xs) {
  std::vector<Word> items;
  for (int64_t x : xs) items.push_back(make_int(x));
  return make_list(std::move(items));
}

ListStore* store_of(const Value& l) { return static_cast<ListObj*>(as_obj(l.get()))->store; }

// An evaluator-owned kind, as the evaluator would define it.
struct FakeProc final : Obj {
  explicit FakeProc(sema_type t) : Obj(t) {}
};

}  // namespace

TEST_CASE("integers are immediate inside the 48-bit payload and boxed outside", "[values]") {
  const int64_t lo = -(int64_t{1} << 47), hi = (int64_t{1} << 47) - 1;
  for (int64_t i : {int64_t{0}, int64_t{-1}, lo, hi}) {
    Value v = int_value(i);
    CHECK(sema_is_small_int(v.get()));
    CHECK(int_of(v.get()) == i);
  }
  for (int64_t i : {hi + 1, lo - 1, INT64_MAX, INT64_MIN}) {
    Value v = int_value(i);
    CHECK(sema_is_ptr(v.get()));
    CHECK(is_int(v.get()));
    CHECK(type_of(v.get()) == SEMA_T_INT);
    CHECK(std::string(type_name(v.get())) == "int");
    CHECK(int_of(v.get()) == i);
  }
  CHECK(w(int_value(INT64_MIN).get()) == "-9223372036854775808");
  CHECK(w(int_value(hi + 1).get()) == "140737488355328");
  // Boxed ints are ordinary ints for equality, order and hashing.
  Value a = int_value(hi + 1), b = int_value(hi + 1), c = int_value(hi);
  CHECK(equal(a.get(), b.get()));
  CHECK(hash(a.get()) == hash(b.get()));
  CHECK(compare(c.get(), a.get()) < 0);
  CHECK(compare(int_value(lo - 1).get(), int_value(lo).get()) < 0);
  CHECK_FALSE(equal(a.get(), c.get()));
}

TEST_CASE("type names follow stdlib §1.1", "[values]") {
  Value fake_lambda = Value::own(from_obj(new FakeProc(SEMA_T_LAMBDA)));
  Value fake_native = Value::own(from_obj(new FakeProc(SEMA_T_NATIVE)));
  Value fake_macro = Value::own(from_obj(new FakeProc(SEMA_T_MACRO)));
  Value fake_promise = Value::own(from_obj(new FakeProc(SEMA_T_PROMISE)));
  CHECK(std::string(type_name(SEMA_NIL)) == "nil");
  CHECK(std::string(type_name(SEMA_TRUE)) == "bool");
  CHECK(std::string(type_name(make_int(1))) == "int");
  CHECK(std::string(type_name(sema_from_float(1.5))) == "float");
  CHECK(std::string(type_name(make_string("s").get())) == "string");
  CHECK(std::string(type_name(symbol("s"))) == "symbol");
  CHECK(std::string(type_name(keyword("k"))) == "keyword");
  CHECK(std::string(type_name(sema_from_char('a'))) == "char");
  CHECK(std::string(type_name(empty_list().get())) == "list");
  CHECK(std::string(type_name(make_vector({}).get())) == "vector");
  CHECK(std::string(type_name(make_map().get())) == "map");
  CHECK(std::string(type_name(make_hashmap().get())) == "hashmap");
  CHECK(std::string(type_name(make_record(intern("point"), {}).get())) == "record");
  CHECK(std::string(type_name(make_bytevector({1}).get())) == "bytevector");
  CHECK(std::string(type_name(fake_lambda.get())) == "lambda");
  CHECK(std::string(type_name(fake_native.get())) == "native-fn");
  CHECK(std::string(type_name(fake_macro.get())) == "macro");
  CHECK(std::string(type_name(fake_promise.get())) == "promise");
  CHECK(type_of(sema_from_float(-0.0)) == SEMA_T_FLOAT);
  CHECK(type_of(SEMA_FALSE) == SEMA_T_BOOL);
}

TEST_CASE("the interner gives one stable id and name per spelling", "[values]") {
  uint32_t a = intern("values-test-alpha");
  uint32_t b = intern("values-test-beta");
  CHECK(a != b);
  CHECK(intern("values-test-alpha") == a);
  std::string_view name = id_name(a);
  const char* data = name.data();
  for (int i = 0; i < 20000; ++i) intern("values-test-filler-" + std::to_string(i));
  CHECK(id_name(a).data() == data);  // names never move
  CHECK(id_name(a) == "values-test-alpha");
  CHECK(data[name.size()] == '\0');  // NUL-terminated for the C ABI
  CHECK(id_name(intern("")) == "");
  CHECK(symbol("x") != keyword("x"));
  CHECK(sema_id_of(symbol("x")) == sema_id_of(keyword("x")));
}

TEST_CASE("lists: construction, indexing and the sequence view", "[values][list]") {
  Value l = ints({1, 2, 3});
  REQUIRE(list_len(l.get()) == 3);
  CHECK(int_of(list_at(l.get(), 0)) == 1);
  CHECK(int_of(list_at(l.get(), 2)) == 3);
  SeqView v = seq_view(l.get());
  CHECK(v.size() == 3);
  CHECK(v.stride == -1);
  CHECK(v.data == &store_of(l)->items[2]);
  CHECK(int_of(v[0]) == 1);
  CHECK(int_of(v[2]) == 3);
  CHECK(is_seq(l.get()));
  CHECK_FALSE(is_seq(make_map().get()));
  Value e = empty_list();
  CHECK(list_len(e.get()) == 0);
  CHECK(seq_view(e.get()).size() == 0);
  Value s = make_string("kept");
  Value borrowed = make_list({s.get(), SEMA_TRUE});
  CHECK(as_obj(s.get())->rc == 2);
  CHECK(w(borrowed.get()) == "(\"kept\" #t)");
}

TEST_CASE("lists: rest and drop share the store", "[values][list]") {
  Value l = ints({1, 2, 3, 4});
  Value r = list_rest(l.get());
  CHECK(store_of(r) == store_of(l));
  CHECK(w(r.get()) == "(2 3 4)");
  Value d = list_drop(l.get(), 3);
  CHECK(store_of(d) == store_of(l));
  CHECK(w(d.get()) == "(4)");
  CHECK(w(list_drop(l.get(), 4).get()) == "()");
  CHECK(w(list_drop(l.get(), 99).get()) == "()");
  CHECK(w(list_rest(empty_list().get()).get()) == "()");
  CHECK(store_of(l)->rc == 3);
}

TEST_CASE("lists: cons appends when nobody has appended past the view, else copies", "[values][list]") {
  Value base = empty_list();
  base = cons(make_int(3), base.get());
  Value l = cons(make_int(2), base.get());
  Value l1 = cons(make_int(1), l.get());
  CHECK(w(l1.get()) == "(1 2 3)");
  // l was the store's full length: its cons appended into the same store.
  CHECK(store_of(l1) == store_of(l));
  // Someone already appended past l: a second cons onto l must copy,
  // and both results keep their own elements.
  Value other = cons(make_int(9), l.get());
  CHECK(store_of(other) != store_of(l));
  CHECK(w(other.get()) == "(9 2 3)");
  CHECK(w(l1.get()) == "(1 2 3)");
  CHECK(w(l.get()) == "(2 3)");
  // cons onto a rest view (shorter than its store) copies too.
  Value r = list_rest(l1.get());
  Value r2 = cons(make_int(7), r.get());
  CHECK(store_of(r2) != store_of(l1));
  CHECK(w(r2.get()) == "(7 2 3)");
  CHECK(w(l1.get()) == "(1 2 3)");
}

TEST_CASE("lists: a long cons loop stays correct and reuses stores", "[values][list]") {
  Value acc = empty_list();
  size_t copies = 0;
  for (int i = 0; i < 10000; ++i) {
    ListStore* before = list_len(acc.get()) ? store_of(acc) : nullptr;
    acc = cons(make_int(i), acc.get());
    if (store_of(acc) != before) ++copies;
  }
  CHECK(list_len(acc.get()) == 10000);
  CHECK(int_of(list_at(acc.get(), 0)) == 9999);
  CHECK(int_of(list_at(acc.get(), 9999)) == 0);
  CHECK(copies < 20);  // capacity doubling: amortised O(1)
}

TEST_CASE("lists: a sequence view survives conses onto the same list", "[values][list]") {
  Value l = ints({1, 2, 3});
  l = cons(make_int(0), l.get());  // now the store has spare capacity
  SeqView v = seq_view(l.get());
  const Word* data = v.data;
  std::vector<Value> made;
  for (int i = 0; i < 100; ++i) made.push_back(cons(make_int(100 + i), l.get()));
  CHECK(seq_view(l.get()).data == data);
  CHECK(int_of(v[0]) == 0);
  CHECK(int_of(v[3]) == 3);
  CHECK(w(made[5].get()) == "(105 0 1 2 3)");
}

TEST_CASE("lists: cons onto the sole view drops unreachable appended elements", "[values][list]") {
  Value l = cons(make_int(1), ints({2}).get());  // a store with spare capacity, l its only view
  REQUIRE(store_of(l)->rc == 1);
  Value s = make_string("dropped");
  {
    Value longer = cons(s.get(), l.get());
    CHECK(store_of(longer) == store_of(l));
    CHECK(as_obj(s.get())->rc == 2);
  }
  CHECK(as_obj(s.get())->rc == 2);  // still held by the store past l's view
  Value again = cons(make_int(5), l.get());
  CHECK(as_obj(s.get())->rc == 1);  // released when the store was trimmed
  CHECK(store_of(again) == store_of(l));
  CHECK(w(again.get()) == "(5 1 2)");
}

TEST_CASE("vectors and their view", "[values]") {
  Value v = make_vector({make_int(1), make_int(2)});
  SeqView sv = seq_view(v.get());
  CHECK(sv.size() == 2);
  CHECK(sv.stride == 1);
  CHECK(int_of(sv[1]) == 2);
  CHECK(w(v.get()) == "[1 2]");
}

TEST_CASE("sorted maps keep keys in value order", "[values][map]") {
  Value m = make_map();
  m = map_assoc(std::move(m), keyword("b"), make_int(2));
  m = map_assoc(std::move(m), keyword("a"), make_int(1));
  m = map_assoc(std::move(m), make_int(10), SEMA_TRUE);
  CHECK(w(m.get()) == "{10 #t :a 1 :b 2}");
  bool found = false;
  CHECK(int_of(map_get(m.get(), keyword("a"), &found)) == 1);
  CHECK(found);
  CHECK(map_get(m.get(), keyword("zz"), &found) == SEMA_NIL);
  CHECK_FALSE(found);
  // int 1 and float 1.0 are different keys
  m = map_assoc(std::move(m), make_int(1), keyword("int"));
  m = map_assoc(std::move(m), sema_from_float(1.0), keyword("float"));
  CHECK(w(m.get()) == "{1 :int 1.0 :float 10 #t :a 1 :b 2}");
  m = map_dissoc(std::move(m), make_int(10));
  m = map_dissoc(std::move(m), keyword("missing"));
  CHECK(w(m.get()) == "{1 :int 1.0 :float :a 1 :b 2}");
}

TEST_CASE("sorted maps: a repeated key keeps the first key object, the last value", "[values][map]") {
  Value k1 = make_string("k"), k2 = make_string("k");
  Value m = make_map();
  m = map_assoc(std::move(m), k1.get(), make_int(1));
  m = map_assoc(std::move(m), k2.get(), make_int(2));
  auto* mo = static_cast<MapObj*>(as_obj(m.get()));
  REQUIRE(mo->entries.size() == 1);
  CHECK(mo->entries[0].first == k1.get());
  CHECK(int_of(mo->entries[0].second) == 2);
}

TEST_CASE("sorted maps are copy-on-write", "[values][map][cow]") {
  Value m = make_map();
  m = map_assoc(std::move(m), keyword("a"), make_int(1));
  Word before = m.get();
  m = map_assoc(std::move(m), keyword("b"), make_int(2));
  CHECK(m.get() == before);  // unique: updated in place
  Value shared = m;          // now two references
  Value m2 = map_assoc(m, keyword("c"), make_int(3));
  CHECK(m2.get() != m.get());
  CHECK(w(m.get()) == "{:a 1 :b 2}");
  CHECK(w(m2.get()) == "{:a 1 :b 2 :c 3}");
  Value m3 = map_dissoc(shared, keyword("a"));
  CHECK(w(m3.get()) == "{:b 2}");
  CHECK(w(shared.get()) == "{:a 1 :b 2}");
  Word unique_before = m3.get();
  m3 = map_dissoc(std::move(m3), keyword("b"));
  CHECK(m3.get() == unique_before);
  CHECK(w(m3.get()) == "{}");
}

TEST_CASE("hashmaps: assoc, get, copy-on-write, sorted printing", "[values][hashmap][cow]") {
  Value h = make_hashmap();
  Word before = h.get();
  h = hashmap_assoc(std::move(h), keyword("b"), make_int(2));
  h = hashmap_assoc(std::move(h), keyword("a"), make_int(1));
  h = hashmap_assoc(std::move(h), make_string("s").get(), make_int(3));
  CHECK(h.get() == before);
  CHECK(w(h.get()) == "{\"s\" 3 :a 1 :b 2}");
  bool found = false;
  Value key = make_string("s");  // another string object, equal content
  CHECK(int_of(hashmap_get(h.get(), key.get(), &found)) == 3);
  CHECK(found);
  hashmap_get(h.get(), make_int(1), &found);
  CHECK_FALSE(found);
  Value copy = h;
  Value h2 = hashmap_assoc(copy, keyword("a"), make_int(100));
  CHECK(h2.get() != h.get());
  CHECK(w(h.get()) == "{\"s\" 3 :a 1 :b 2}");
  CHECK(w(h2.get()) == "{\"s\" 3 :a 100 :b 2}");
  auto entries = hashmap_sorted_entries(h2.get());
  REQUIRE(entries.size() == 3);
  CHECK(w(entries[0].first) == "\"s\"");
  CHECK(w(entries[2].first) == ":b");
}

TEST_CASE("hashmaps: string keys of every short length, one byte apart", "[values][hashmap]") {
  // The inline hash and comparison read texts up to 16 bytes as overlapping
  // words: every byte, at every length around the word sizes, must count.
  Value h = make_hashmap();
  std::vector<std::string> keys;
  for (size_t n = 0; n <= 20; ++n)
    for (size_t at = 0; at < std::max<size_t>(n, 1); ++at) {
      std::string a(n, 'k');
      if (n > 0) a[at] = 'x';
      keys.push_back(a);
    }
  for (size_t i = 0; i < keys.size(); ++i)
    h = hashmap_assoc(std::move(h), make_string(keys[i]).get(), make_int(static_cast<int64_t>(i)));
  for (size_t i = 0; i < keys.size(); ++i) {
    bool found = false;
    Value key = make_string(keys[i]);
    CHECK(int_of(hashmap_get(h.get(), key.get(), &found)) == static_cast<int64_t>(i));
    CHECK(found);
    CHECK(hash(key.get()) == hash(make_string(keys[i]).get()));
  }
  bool found = true;
  hashmap_get(h.get(), make_string(std::string(9, 'y')).get(), &found);
  CHECK_FALSE(found);
}

TEST_CASE("split_byte: fields in order, empty ones kept, any count and length", "[values][list][string]") {
  auto split = [](std::string_view s) { return w(split_byte(s, ';').get()); };
  CHECK(split("Hamburg;12.0") == R"(("Hamburg" "12.0"))");
  CHECK(split("") == R"((""))");
  CHECK(split(";") == R"(("" ""))");
  CHECK(split(";;a;") == R"(("" "" "a" ""))");
  CHECK(split("no separator") == R"(("no separator"))");
  // Past the store's inline elements, and fields over the strings' own buffer.
  CHECK(split("1;2;3;4;5;6;7;8;9") == R"(("1" "2" "3" "4" "5" "6" "7" "8" "9"))");
  CHECK(split("a field longer than sixteen bytes;x;another one, also long enough") ==
        R"(("a field longer than sixteen bytes" "x" "another one, also long enough"))");
  std::string many;
  for (int i = 0; i < 1000; ++i) many += std::to_string(i) + ";";
  Value l = split_byte(many, ';');
  REQUIRE(list_len(l.get()) == 1001);
  CHECK(string_of(list_at(l.get(), 0)) == "0");
  CHECK(string_of(list_at(l.get(), 999)) == "999");
  CHECK(string_of(list_at(l.get(), 1000)).empty());
  CHECK(as_obj(list_at(l.get(), 500))->rc == 1);
}

TEST_CASE("strings of every short length are copied exactly", "[values][string]") {
  // make_string copies up to 15 bytes with overlapping word loads
  // (copy_short): each length must keep every byte and no more.
  std::string text = "0123456789abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 0; n <= 20; ++n) {
    Value s = make_string(text.data() + 3, n);
    CHECK(string_of(s.get()) == text.substr(3, n));
  }
  for (size_t n = 0; n <= 16; ++n) {  // overlapping ranges, as memmove
    std::string buf = text;
    copy_short(buf.data() + 1, buf.data(), n);
    CHECK(buf.substr(1, n) == text.substr(0, n));
    CHECK(buf.substr(n + 1) == text.substr(n + 1));
  }
}

TEST_CASE("records and bytevectors", "[values]") {
  Value r = make_record(intern("point"), {make_int(1), make_int(2)});
  CHECK(w(r.get()) == "#<record point 1 2>");
  CHECK(w(make_record(intern("empty"), {}).get()) == "#<record empty>");
  CHECK(w(make_bytevector({1, 2, 255}).get()) == "#u8(1 2 255)");
  CHECK(w(make_bytevector({}).get()) == "#u8()");
}

TEST_CASE("destroying a million-deep structure does not recurse", "[values][deep]") {
  const int depth = 1000000;
  {
    Value v = empty_list();
    for (int i = 0; i < depth; ++i) v = make_list({v.get()});
  }
  {
    Value v = make_vector({});
    for (int i = 0; i < depth; ++i) {
      std::vector<Word> items{v.take()};
      v = make_vector(std::move(items));
    }
  }
  {
    Value v = make_map();
    for (int i = 0; i < depth; ++i) v = map_assoc(make_map(), keyword("k"), v.get());
  }
  {
    Value v = make_hashmap();
    for (int i = 0; i < depth; ++i) v = hashmap_assoc(make_hashmap(), make_int(i), v.get());
  }
  SUCCEED("freed without overflowing the stack");
}

TEST_CASE("release frees what a structure holds exactly once", "[values]") {
  Value s = make_string("x");
  {
    Value l = make_list({s.get(), s.get()});
    Value v = make_vector({});
    Value m = map_assoc(make_map(), s.get(), s.get());
    CHECK(as_obj(s.get())->rc == 5);
  }
  CHECK(as_obj(s.get())->rc == 1);
}

TEST_CASE("a list of strings with another object among them releases each element once", "[values][list]") {
  // The list's last reference frees strings as it meets them; another kind
  // of object hands the rest of the store to the destroy queue, and what was
  // released before it must not be released again.
  Value s = make_string("shared");
  Value inner = make_vector({});
  for (size_t at = 0; at < 6; ++at) {  // the other object at every position (inline store and not)
    {
      std::vector<Word> items;
      for (size_t i = 0; i < 6; ++i) {
        if (i == at) {
          items.push_back(Value::borrow(inner.get()).take());
        } else if (i % 2 == 1) {
          items.push_back(Value::borrow(s.get()).take());
        } else {
          items.push_back(make_string("own").take());
        }
      }
      Value l = make_list(std::move(items));
      CHECK(as_obj(s.get())->rc > 1);
    }
    CHECK(as_obj(s.get())->rc == 1);
    CHECK(as_obj(inner.get())->rc == 1);
  }
}

// ------------------------------------------------------------------ errors

TEST_CASE("error display texts", "[values][error]") {
  CHECK(type_error("number", make_string("a").get()).error().display() == "Type error: expected number, got string");
  CHECK(arity_error("car", "1", 2).error().display() == "Arity error: car expects 1 args, got 2");
  CHECK(eval_error("division by zero").error().display() == "Eval error: division by zero");
  CHECK(make_error(SEMA_ERR_UNBOUND, "foo").error().display() == "Unbound variable: foo");
  CHECK(make_error(SEMA_ERR_IO, "x: gone").error().display() == "IO error: x: gone");
  CHECK(make_error(SEMA_ERR_PERMISSION, "shell denied").error().display() == "Permission error: shell denied");
  CHECK(reader_error({0, 0}, "unterminated list").error().display() == "Reader error at 0:0: unterminated list");
  Error user = make_error(SEMA_ERR_USER, "").error();
  user.payload = make_string("boom");
  CHECK(user.display() == "User exception: \"boom\"");
  user.payload = map_assoc(make_map(), keyword("code"), make_int(1));
  CHECK(user.display() == "User exception: {:code 1}");
}

TEST_CASE("error report with trace lines", "[values][error]") {
  Error e = type_error("number", make_string("a").get()).error();
  CHECK(e.report() == "Error: Type error: expected number, got string\n");
  e.trace = {{"+", "", {1, 15}}, {"f", "", {1, 26}}, {"g", "/tmp/x.sema", {3, 4}}, {"h", "/tmp/y.sema", {}}, {"<lambda>", "", {}}};
  CHECK(e.report() ==
        "Error: Type error: expected number, got string\n"
        "  at + (<input>:1:15)\n"
        "  at f (<input>:1:26)\n"
        "  at g (/tmp/x.sema:3:4)\n"
        "  at h (/tmp/y.sema)\n"
        "  at <lambda>\n");
}

TEST_CASE("error report collapses a frame repeated in a row", "[values][error]") {
  Error e = eval_error("maximum eval depth exceeded (100)").error();
  e.trace.assign(50, Frame{"g", "", {1, 34}});
  e.trace.push_back({"g", "", {1, 49}});
  e.trace.push_back({"main", "", {1, 1}});
  CHECK(e.report() ==
        "Error: Eval error: maximum eval depth exceeded (100)\n"
        "  at g (<input>:1:34)\n"
        "  at g (<input>:1:34)\n"
        "  at g (<input>:1:34)\n"
        "  ... (the frame above repeated 47 more times)\n"
        "  at g (<input>:1:49)\n"
        "  at main (<input>:1:1)\n");
  e.trace.assign(3, Frame{"g", "", {1, 34}});  // three in a row are all shown
  CHECK(e.report() ==
        "Error: Eval error: maximum eval depth exceeded (100)\n"
        "  at g (<input>:1:34)\n"
        "  at g (<input>:1:34)\n"
        "  at g (<input>:1:34)\n");
}

TEST_CASE("error maps for catch", "[values][error]") {
  Error t = type_error("number", make_string("a").get()).error();
  CHECK(w(t.to_map().get()) == "{:expected \"number\" :got \"string\" :message \"expected number, got string\" :type :type-error}");
  t.trace = {{"+", "", {1, 6}}};
  CHECK(w(t.to_map().get()) ==
        "{:expected \"number\" :got \"string\" :message \"expected number, got string\" :stack-trace ({:col 6 :line 1 :name \"+\"}) :type :type-error}");
  t.trace = {{"f", "/abs/p.sema", {2, 3}}, {"g", "/abs/p.sema", {}}};
  CHECK(w(t.to_map().get()) ==
        "{:expected \"number\" :got \"string\" :message \"expected number, got string\" :stack-trace ({:col 3 :file \"/abs/p.sema\" :line 2 :name \"f\"} {:file \"/abs/p.sema\" :name \"g\"}) :type :type-error}");
  Error u = make_error(SEMA_ERR_UNBOUND, "undefined-var").error();
  CHECK(w(u.to_map().get()) == "{:message \"Unbound variable: undefined-var\" :name \"undefined-var\" :type :unbound}");
  Error th = make_error(SEMA_ERR_USER, "").error();
  th.payload = make_string("boom");
  CHECK(w(th.to_map().get()) == "{:message \"\"boom\"\" :type :user :value \"boom\"}");
  th.payload = int_value(99);
  CHECK(w(th.to_map().get()) == "{:message \"99\" :type :user :value 99}");
  CHECK(w(eval_error("boom").error().to_map().get()) == "{:message \"boom\" :type :eval}");
  CHECK(w(arity_error("f", "2", 1).error().to_map().get()) == "{:message \"f expects 2 args, got 1\" :type :arity}");
  CHECK(w(reader_error({1, 2}, "unexpected token: RParen").error().to_map().get()) ==
        "{:message \"unexpected token: RParen at 1:2\" :type :reader}");
  CHECK(w(make_error(SEMA_ERR_IO, "gone").error().to_map().get()) == "{:message \"gone\" :type :io}");
  CHECK(w(make_error(SEMA_ERR_PERMISSION, "no").error().to_map().get()) == "{:message \"no\" :type :permission}");
  // A type error whose text is not "expected X, got Y" has no :expected/:got.
  CHECK(w(make_error(SEMA_ERR_TYPE, "odd text").error().to_map().get()) == "{:message \"odd text\" :type :type-error}");
}
