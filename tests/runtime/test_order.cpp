// Structural equality, the value order (language.md §3.4 as amended by the
// project decisions #3/#4 and docs/decisions.md "Value order") and hashing.
#include "value/hashmap.hpp"
#include "value/interner.hpp"
#include "value/value.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace sema::rt;

namespace {

struct Proc final : Obj {
  explicit Proc(sema_type t) : Obj(t) {}
};

Value f(double x) { return Value::own(sema_from_float(x)); }
Value i(int64_t x) { return int_value(x); }
Value str(const char* s) { return make_string(s); }
Value proc(sema_type t) { return Value::own(from_obj(new Proc(t))); }
Value list(std::initializer_list<Word> xs) { return make_list(xs); }
Value vec(std::initializer_list<Word> xs) {
  std::vector<Word> v(xs);
  for (Word x : v) retain(x);
  return make_vector(std::move(v));
}
Value map_of(std::initializer_list<std::pair<Word, Word>> kvs) {
  Value m = make_map();
  for (auto [k, v] : kvs) m = map_assoc(std::move(m), k, v);
  return m;
}
Value hashmap_of(std::initializer_list<std::pair<Word, Word>> kvs) {
  Value m = make_hashmap();
  for (auto [k, v] : kvs) m = hashmap_assoc(std::move(m), k, v);
  return m;
}

const double inf = std::numeric_limits<double>::infinity();
const double nan_ = std::numeric_limits<double>::quiet_NaN();

// Sorts by compare() and prints the result.
std::string sorted(std::vector<Value> vals) {
  std::stable_sort(vals.begin(), vals.end(), [](const Value& a, const Value& b) { return compare(a.get(), b.get()) < 0; });
  std::vector<Word> words;
  for (auto& v : vals) words.push_back(v.take());
  return to_text(make_list(std::move(words)).get(), false);
}

int sgn(int c) { return (c > 0) - (c < 0); }

}  // namespace

TEST_CASE("equality: numbers", "[order][equal]") {
  CHECK(equal(i(1).get(), i(1).get()));
  CHECK_FALSE(equal(i(1).get(), f(1.0).get()));
  CHECK(equal(f(1.5).get(), f(1.5).get()));
  CHECK_FALSE(equal(f(0.0).get(), f(-0.0).get()));  // by bit pattern
  CHECK(equal(f(nan_).get(), f(nan_).get()));
  CHECK(equal(i(INT64_MAX).get(), i(INT64_MAX).get()));
}

TEST_CASE("equality: structures", "[order][equal]") {
  Value a = str("a");
  CHECK(equal(str("a").get(), str("a").get()));
  CHECK_FALSE(equal(str("a").get(), str("b").get()));
  CHECK_FALSE(equal(str("a").get(), symbol("a")));
  CHECK(equal(symbol("a"), symbol("a")));
  CHECK_FALSE(equal(symbol("a"), keyword("a")));
  CHECK(equal(sema_from_char('x'), sema_from_char('x')));
  CHECK(equal(list({i(1).get(), a.get()}).get(), list({i(1).get(), str("a").get()}).get()));
  CHECK_FALSE(equal(list({i(1).get()}).get(), vec({i(1).get()}).get()));  // list ≠ vector
  CHECK_FALSE(equal(list({i(1).get()}).get(), list({f(1.0).get()}).get()));
  CHECK_FALSE(equal(list({i(1).get()}).get(), list({i(1).get(), i(2).get()}).get()));
  CHECK(equal(empty_list().get(), empty_list().get()));
  CHECK_FALSE(equal(empty_list().get(), SEMA_NIL));
  CHECK(equal(map_of({{keyword("a"), i(1).get()}}).get(), map_of({{keyword("a"), i(1).get()}}).get()));
  CHECK_FALSE(equal(map_of({{keyword("a"), i(1).get()}}).get(), map_of({{keyword("a"), i(2).get()}}).get()));
  CHECK_FALSE(equal(map_of({{keyword("a"), i(1).get()}}).get(), hashmap_of({{keyword("a"), i(1).get()}}).get()));
  CHECK(equal(make_bytevector({1, 2}).get(), make_bytevector({1, 2}).get()));
  CHECK_FALSE(equal(make_bytevector({1, 2}).get(), make_bytevector({1}).get()));
  Value r1 = make_record(intern("p"), {make_int(1)});
  CHECK(equal(r1.get(), make_record(intern("p"), {make_int(1)}).get()));
  CHECK_FALSE(equal(r1.get(), make_record(intern("q"), {make_int(1)}).get()));
  CHECK_FALSE(equal(r1.get(), make_record(intern("p"), {make_int(2)}).get()));
}

TEST_CASE("equality: hashmaps are sets of entries", "[order][equal]") {
  Value h1 = hashmap_of({{keyword("a"), i(1).get()}, {keyword("b"), i(2).get()}, {i(3).get(), str("x").get()}});
  Value h2 = hashmap_of({{i(3).get(), str("x").get()}, {keyword("b"), i(2).get()}, {keyword("a"), i(1).get()}});
  CHECK(equal(h1.get(), h2.get()));
  CHECK(hash(h1.get()) == hash(h2.get()));
  Value h3 = hashmap_of({{keyword("a"), i(1).get()}, {keyword("b"), i(3).get()}, {i(3).get(), str("x").get()}});
  CHECK_FALSE(equal(h1.get(), h3.get()));
  CHECK_FALSE(equal(h1.get(), make_hashmap().get()));
}

TEST_CASE("equality: procedures are never equal, not even to themselves", "[order][equal]") {
  for (sema_type t : {SEMA_T_LAMBDA, SEMA_T_NATIVE, SEMA_T_MACRO, SEMA_T_PROMISE}) {
    Value p = proc(t);
    CHECK_FALSE(equal(p.get(), p.get()));
    Value l = list({p.get()});
    CHECK_FALSE(equal(l.get(), l.get()));  // the walk reaches the procedure
    CHECK(compare(p.get(), p.get()) == 0);
  }
  Value s = str("same");
  CHECK(equal(s.get(), s.get()));
}

TEST_CASE("equality of million-deep structures does not overflow", "[order][deep]") {
  Value a = empty_list(), b = empty_list();
  for (int k = 0; k < 1000000; ++k) {
    a = make_list({a.get()});
    b = make_list({b.get()});
  }
  CHECK(equal(a.get(), b.get()));
  CHECK(compare(a.get(), b.get()) == 0);
  CHECK(hash(a.get()) == hash(b.get()));
  Value c = make_list({b.get(), make_int(1)});
  Value d = make_list({a.get(), make_int(2)});
  CHECK_FALSE(equal(c.get(), d.get()));
  CHECK(compare(c.get(), d.get()) < 0);
}

TEST_CASE("order: type ranks", "[order]") {
  std::vector<Value> vals;
  vals.push_back(proc(SEMA_T_LAMBDA));
  vals.push_back(make_bytevector({1}));
  vals.push_back(make_record(intern("r"), {}));
  vals.push_back(make_hashmap());
  vals.push_back(make_map());
  vals.push_back(vec({}));
  vals.push_back(empty_list());
  vals.push_back(Value::own(keyword("k")));
  vals.push_back(Value::own(symbol("s")));
  vals.push_back(str("s"));
  vals.push_back(Value::own(sema_from_char('c')));
  vals.push_back(f(1.5));
  vals.push_back(i(1));
  vals.push_back(Value::own(SEMA_TRUE));
  vals.push_back(Value::own(SEMA_NIL));
  CHECK(sorted(std::move(vals)) == "(nil #t 1 1.5 #\\c \"s\" s :k () [] {} {} #<record r> #u8(1) <lambda>)");
}

TEST_CASE("order: numbers are numeric across ints and floats", "[order][numbers]") {
  CHECK(sorted([] {
          std::vector<Value> v;
          v.push_back(f(2.5));
          v.push_back(i(1));
          v.push_back(i(3));
          v.push_back(f(-1.5));
          return v;
        }()) == "(-1.5 1 2.5 3)");
  CHECK(sorted([] {
          std::vector<Value> v;
          for (double x : {nan_, inf, -inf, 0.0, -0.0, 0.5, -2.5})
            v.push_back(f(x));
          v.push_back(i(0));
          v.push_back(i(-3));
          v.push_back(f(-nan_));
          return v;
        }()) == "(-inf -3 -2.5 0 -0.0 0.0 0.5 inf NaN NaN)");
  // int before float of equal value, both ways round
  CHECK(compare(i(1).get(), f(1.0).get()) < 0);
  CHECK(compare(f(1.0).get(), i(1).get()) > 0);
  CHECK(compare(f(-0.0).get(), f(0.0).get()) < 0);
  CHECK(compare(f(0.0).get(), f(-0.0).get()) > 0);
  CHECK(compare(f(nan_).get(), f(inf).get()) > 0);
  CHECK(compare(f(nan_).get(), i(INT64_MAX).get()) > 0);
  CHECK(compare(f(nan_).get(), f(nan_).get()) == 0);
  CHECK(compare(f(-nan_).get(), f(nan_).get()) != 0);  // distinct keys, as equal() says
  // exact int/float comparison: 2^53 + 1 is above the float 2^53
  CHECK(compare(i((int64_t{1} << 53) + 1).get(), f(0x1p53).get()) > 0);
  CHECK(compare(i(INT64_MAX).get(), f(0x1p63).get()) < 0);
  CHECK(compare(i(INT64_MIN).get(), f(-0x1p63).get()) < 0);  // equal value: int first
  CHECK(compare(i(INT64_MIN).get(), f(-0x1p64).get()) > 0);
  CHECK(compare(i(2).get(), f(2.5).get()) < 0);
  CHECK(compare(i(-2).get(), f(-2.5).get()) > 0);
  CHECK(compare(i(-3).get(), f(-2.5).get()) < 0);
}

TEST_CASE("order: numeric sort keeps map keys distinct", "[order][numbers]") {
  Value m = map_of({{i(1).get(), keyword("a")}, {f(1.0).get(), keyword("b")}, {f(-0.0).get(), keyword("c")}, {f(0.0).get(), keyword("d")},
                    {i(0).get(), keyword("e")}, {f(0.5).get(), keyword("f")}});
  CHECK(to_text(m.get(), false) == "{0 :e -0.0 :c 0.0 :d 0.5 :f 1 :a 1.0 :b}");
}

TEST_CASE("order: within ranks", "[order]") {
  CHECK(compare(SEMA_FALSE, SEMA_TRUE) < 0);
  CHECK(compare(sema_from_char('a'), sema_from_char('b')) < 0);
  CHECK(compare(str("abc").get(), str("abd").get()) < 0);
  CHECK(compare(str("ab").get(), str("abc").get()) < 0);
  CHECK(compare(str("z").get(), str("\xCE\xBB").get()) < 0);  // bytewise: UTF-8 lead bytes sort high
  CHECK(compare(str("x").get(), str("x").get()) == 0);
  // symbols and keywords by name, not by intern id
  uint32_t later = intern("order-test-aaa");
  (void)later;
  CHECK(compare(symbol("order-test-zzz"), symbol("order-test-aaa")) > 0);
  CHECK(compare(keyword("a"), keyword("b")) < 0);
  CHECK(compare(list({i(1).get(), i(2).get()}).get(), list({i(1).get(), i(3).get()}).get()) < 0);
  CHECK(compare(list({i(1).get()}).get(), list({i(1).get(), i(0).get()}).get()) < 0);
  CHECK(compare(vec({i(2).get()}).get(), vec({i(1).get(), i(5).get()}).get()) > 0);
  CHECK(compare(make_bytevector({1, 2}).get(), make_bytevector({1, 3}).get()) < 0);
  CHECK(compare(make_bytevector({1}).get(), make_bytevector({1, 0}).get()) < 0);
  CHECK(compare(make_record(intern("a"), {make_int(9)}).get(), make_record(intern("b"), {make_int(1)}).get()) < 0);
  CHECK(compare(make_record(intern("a"), {make_int(1)}).get(), make_record(intern("a"), {make_int(2)}).get()) < 0);
  CHECK(compare(proc(SEMA_T_LAMBDA).get(), proc(SEMA_T_NATIVE).get()) == 0);
}

TEST_CASE("order: maps and hashmaps compare structurally", "[order][map]") {
  Value a1 = map_of({{keyword("a"), i(1).get()}});
  Value b2 = map_of({{keyword("b"), i(2).get()}});
  Value a2 = map_of({{keyword("a"), i(2).get()}});
  Value a1b = map_of({{keyword("a"), i(1).get()}, {keyword("b"), i(0).get()}});
  CHECK(compare(a1.get(), b2.get()) < 0);  // by first key
  CHECK(compare(a1.get(), a2.get()) < 0);  // then by value
  CHECK(compare(a1.get(), a1b.get()) < 0);  // shorter prefix first
  CHECK(compare(make_map().get(), a1.get()) < 0);
  CHECK(compare(a1.get(), map_of({{keyword("a"), i(1).get()}}).get()) == 0);
  // maps as keys no longer collide: {{:a 1} 1 {:b 2} 2} keeps both
  Value m = map_of({{a1.get(), i(1).get()}, {b2.get(), i(2).get()}});
  CHECK(to_text(m.get(), false) == "{{:a 1} 1 {:b 2} 2}");
  Value h1 = hashmap_of({{keyword("b"), i(1).get()}, {keyword("a"), i(1).get()}});
  Value h2 = hashmap_of({{keyword("a"), i(1).get()}, {keyword("c"), i(1).get()}});
  CHECK(compare(h1.get(), h2.get()) < 0);  // sorted entries: (:a 1 :b 1) < (:a 1 :c 1)
  CHECK(compare(h2.get(), h1.get()) > 0);
  CHECK(compare(h1.get(), hashmap_of({{keyword("a"), i(1).get()}, {keyword("b"), i(1).get()}}).get()) == 0);
}

TEST_CASE("order is a consistent total order over mixed values", "[order]") {
  std::vector<Value> vals;
  for (double x : {-inf, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 2.0, inf, nan_}) vals.push_back(f(x));
  for (int64_t x : {int64_t{-3}, int64_t{-1}, int64_t{0}, int64_t{1}, int64_t{2}, INT64_MAX}) vals.push_back(i(x));
  vals.push_back(str("a"));
  vals.push_back(list({i(1).get()}));
  vals.push_back(list({f(1.0).get()}));
  vals.push_back(map_of({{i(1).get(), i(1).get()}}));
  vals.push_back(map_of({{f(1.0).get(), i(1).get()}}));
  for (auto& a : vals)
    for (auto& b : vals) {
      int ab = sgn(compare(a.get(), b.get())), ba = sgn(compare(b.get(), a.get()));
      CHECK(ab == -ba);
      // compare() == 0 exactly when equal() for these (no procedures)
      CHECK((ab == 0) == equal(a.get(), b.get()));
      for (auto& c : vals)
        if (ab <= 0 && sgn(compare(b.get(), c.get())) <= 0) CHECK(compare(a.get(), c.get()) <= 0);
    }
}

TEST_CASE("hash is consistent with equal", "[order][hash]") {
  std::vector<std::pair<Value, Value>> same;
  same.emplace_back(str("hello"), str("hello"));
  same.emplace_back(i(INT64_MIN), i(INT64_MIN));
  same.emplace_back(f(nan_), f(nan_));
  same.emplace_back(list({i(1).get(), str("x").get()}), list({i(1).get(), str("x").get()}));
  same.emplace_back(map_of({{keyword("a"), vec({i(1).get()}).get()}}), map_of({{keyword("a"), vec({i(1).get()}).get()}}));
  same.emplace_back(make_record(intern("p"), {make_int(1)}), make_record(intern("p"), {make_int(1)}));
  same.emplace_back(make_bytevector({9, 8}), make_bytevector({9, 8}));
  for (auto& [a, b] : same) {
    REQUIRE(equal(a.get(), b.get()));
    CHECK(hash(a.get()) == hash(b.get()));
  }
  // different values usually hash differently (spot checks of the mixing)
  CHECK(hash(i(1).get()) != hash(f(1.0).get()));
  CHECK(hash(f(0.0).get()) != hash(f(-0.0).get()));
  CHECK(hash(list({i(1).get()}).get()) != hash(vec({i(1).get()}).get()));
  CHECK(hash(str("ab").get()) != hash(str("ba").get()));
  CHECK(hash(list({i(1).get(), i(2).get()}).get()) != hash(list({i(2).get(), i(1).get()}).get()));
  // procedures hash by kind
  CHECK(hash(proc(SEMA_T_LAMBDA).get()) == hash(proc(SEMA_T_LAMBDA).get()));
}

TEST_CASE("hashmap keys follow equality", "[order][hash]") {
  Value h = make_hashmap();
  h = hashmap_assoc(std::move(h), i(1).get(), keyword("int"));
  h = hashmap_assoc(std::move(h), f(1.0).get(), keyword("float"));
  h = hashmap_assoc(std::move(h), f(-0.0).get(), keyword("neg"));
  h = hashmap_assoc(std::move(h), f(0.0).get(), keyword("pos"));
  h = hashmap_assoc(std::move(h), list({str("k").get()}).get(), keyword("list"));
  CHECK(static_cast<HashMapObj*>(as_obj(h.get()))->map.size() == 5);
  bool found = false;
  CHECK(hashmap_get(h.get(), list({str("k").get()}).get(), &found) == keyword("list"));
  CHECK(found);
  hashmap_get(h.get(), vec({str("k").get()}).get(), &found);
  CHECK_FALSE(found);
  Value p = proc(SEMA_T_LAMBDA);
  h = hashmap_assoc(std::move(h), p.get(), SEMA_TRUE);
  hashmap_get(h.get(), p.get(), &found);
  CHECK_FALSE(found);  // never equal, so never found again (language.md §3.5)
}
