// Structural equality, the value order and hashing (language.md §3 as
// amended by the project decisions #3/#4; docs/decisions.md "Value order").
//
// equal() and compare() walk nested collections with an explicit stack, so
// comparing two million-deep structures cannot overflow the C++ stack.
// hash() recurses but stops descending at a fixed depth (deeper parts
// contribute only their kind), which keeps it consistent with equal().
#include "value/hashmap.hpp"
#include "value/interner.hpp"
#include "value/text_hash.hpp"

#include <boost/container/small_vector.hpp>

#include <bit>
#include <cmath>
#include <cstring>
#include <functional>

namespace sema::rt {

namespace {

// ----------------------------------------------------------------- ranks

// Ints and floats share one rank (decisions.md #3); rank numbers otherwise
// follow language.md §3.4.
int rank(Word w) {
  switch (type_of(w)) {
    case SEMA_T_NIL: return 0;
    case SEMA_T_BOOL: return 1;
    case SEMA_T_INT:
    case SEMA_T_FLOAT: return 2;
    case SEMA_T_CHAR: return 4;
    case SEMA_T_STRING: return 5;
    case SEMA_T_SYMBOL: return 6;
    case SEMA_T_KEYWORD: return 7;
    case SEMA_T_LIST: return 8;
    case SEMA_T_VECTOR: return 9;
    case SEMA_T_MAP: return 10;
    case SEMA_T_HASHMAP: return 11;
    case SEMA_T_RECORD: return 12;
    case SEMA_T_BYTEVECTOR: return 13;
    default: return 14;
  }
}

template <class T>
int three_way(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Floats: numeric; -0.0 just before 0.0 (they are distinct keys, as equal()
// says); NaN after every other number, +NaN before -NaN.
int compare_floats(double a, double b) {
  bool na = std::isnan(a), nb = std::isnan(b);
  if (na || nb) {
    if (na != nb) return na ? 1 : -1;
    return three_way(std::signbit(a), std::signbit(b));
  }
  if (a < b) return -1;
  if (a > b) return 1;
  return three_way(!std::signbit(a), !std::signbit(b));  // -0.0 first
}

// Int against float, exactly (no lossy conversion of large ints). On equal
// value the int comes first.
int compare_int_float(int64_t i, double d) {
  if (std::isnan(d)) return -1;
  if (d >= 0x1p63) return -1;
  if (d < -0x1p63) return 1;
  double t = std::trunc(d);
  auto ti = static_cast<int64_t>(t);
  if (i != ti) return i < ti ? -1 : 1;
  if (d > t) return -1;
  if (d < t) return 1;
  return -1;
}

int compare_numbers(Word a, Word b) {
  bool fa = sema_is_float(a), fb = sema_is_float(b);
  if (!fa && !fb) return three_way(int_of(a), int_of(b));
  if (fa && fb) return compare_floats(sema_float_of(a), sema_float_of(b));
  if (!fa) return compare_int_float(int_of(a), sema_float_of(b));
  return -compare_int_float(int_of(b), sema_float_of(a));
}

int compare_bytes(std::string_view a, std::string_view b) {
  int c = a.compare(b);  // char_traits<char> compares as unsigned char
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string_view bytes_of(const BytevectorObj* b) {
  return {reinterpret_cast<const char*>(b->bytes.data()), b->bytes.size()};
}

// ----------------------------------------------------------------- order

// Two collections of the same rank, compared child by child (a map's
// children are k1 v1 k2 v2 …, so this is entry-by-entry order).
struct Pending {
  enum Kind { Seq, Entries, Owned } kind = Seq;
  SeqView sa, sb;
  const MapEntries* ea = nullptr;
  const MapEntries* eb = nullptr;
  std::vector<MapEntry> oa, ob;  // hashmaps: sorted entries
  size_t i = 0, na = 0, nb = 0;

  static Word entry(const MapEntry* e, size_t i) { return i % 2 == 0 ? e[i / 2].first : e[i / 2].second; }
  Word child_a(size_t i) const {
    return kind == Seq ? sa[i] : entry(kind == Entries ? ea->data() : oa.data(), i);
  }
  Word child_b(size_t i) const {
    return kind == Seq ? sb[i] : entry(kind == Entries ? eb->data() : ob.data(), i);
  }
};

SeqView fields_view(const RecordObj* r) {
  SeqView v;
  v.data = r->fields.data();
  v.n = r->fields.size();
  return v;
}

// Compares a and b, or returns 0 with *descend set when both are
// collections of the same rank whose children decide (open_pending).
int compare_leaf(Word a, Word b, bool* descend) {
  *descend = false;
  if (a == b) return 0;
  if (sema_is_float(a) && sema_is_float(b)) return compare_floats(sema_float_of(a), sema_float_of(b));
  if (sema_is_small_int(a) && sema_is_small_int(b)) return three_way(sema_small_int_of(a), sema_small_int_of(b));
  if (sema_is_small_int(a) && sema_is_float(b)) return compare_int_float(sema_small_int_of(a), sema_float_of(b));
  if (sema_is_float(a) && sema_is_small_int(b)) return -compare_int_float(sema_small_int_of(b), sema_float_of(a));
  int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return 0;
    case 1: return a == SEMA_FALSE ? -1 : 1;  // a != b
    case 2: return compare_numbers(a, b);
    case 4: return three_way(sema_char_of(a), sema_char_of(b));
    case 5: return compare_bytes(string_of(a), string_of(b));
    case 6:
    case 7: return compare_bytes(id_name(sema_id_of(a)), id_name(sema_id_of(b)));
    case 12: {
      auto* x = static_cast<RecordObj*>(as_obj(a));
      auto* y = static_cast<RecordObj*>(as_obj(b));
      if (x->tag != y->tag) {
        if (int c = compare_bytes(id_name(x->tag), id_name(y->tag))) return c;
      }
      *descend = true;
      return 0;
    }
    case 8:
    case 9:
    case 10:
    case 11: *descend = true; return 0;
    case 13:
      return compare_bytes(bytes_of(static_cast<BytevectorObj*>(as_obj(a))),
                           bytes_of(static_cast<BytevectorObj*>(as_obj(b))));
    default: return 0;  // procedures, promises: all equal within the rank
  }
}

// a and b are collections of the same rank (compare_leaf said descend).
void open_pending(Word a, Word b, Pending& p) {
  switch (as_obj(a)->type) {
    case SEMA_T_MAP:
      p.kind = Pending::Entries;
      p.ea = &static_cast<MapObj*>(as_obj(a))->entries;
      p.eb = &static_cast<MapObj*>(as_obj(b))->entries;
      p.na = 2 * p.ea->size();
      p.nb = 2 * p.eb->size();
      return;
    case SEMA_T_HASHMAP:
      p.kind = Pending::Owned;
      p.oa = hashmap_sorted_entries(a);
      p.ob = hashmap_sorted_entries(b);
      p.na = 2 * p.oa.size();
      p.nb = 2 * p.ob.size();
      return;
    case SEMA_T_RECORD:
      p.kind = Pending::Seq;
      p.sa = fields_view(static_cast<RecordObj*>(as_obj(a)));
      p.sb = fields_view(static_cast<RecordObj*>(as_obj(b)));
      break;
    default:  // list, vector
      p.kind = Pending::Seq;
      p.sa = seq_view(a);
      p.sb = seq_view(b);
      break;
  }
  p.na = p.sa.size();
  p.nb = p.sb.size();
}

// ----------------------------------------------------------------- hash

constexpr uint64_t mix(uint64_t x) { return hash_mix(x); }

uint64_t combine(uint64_t seed, uint64_t h) { return mix(seed ^ (h + 0x9e3779b97f4a7c15ull + (seed << 6))); }

constexpr int kHashDepth = 32;

uint64_t hash_at(Word w, int depth) {
  sema_type t = type_of(w);
  uint64_t seed = mix(static_cast<uint64_t>(t) + 1);
  switch (t) {
    case SEMA_T_INT: return combine(seed, static_cast<uint64_t>(int_of(w)));
    case SEMA_T_FLOAT:  // by bit pattern, like equal()
    case SEMA_T_NIL:
    case SEMA_T_BOOL:
    case SEMA_T_CHAR:
    case SEMA_T_SYMBOL:
    case SEMA_T_KEYWORD: return mix(w);
    case SEMA_T_STRING: return string_hash(static_cast<StringObj*>(as_obj(w)));
    case SEMA_T_BYTEVECTOR: return hash_bytes(bytes_of(static_cast<BytevectorObj*>(as_obj(w))), seed);
    default: break;
  }
  if (depth >= kHashDepth) return seed;
  uint64_t h = seed;
  switch (t) {
    case SEMA_T_LIST:
    case SEMA_T_VECTOR: {
      SeqView v = seq_view(w);
      h = combine(h, v.size());
      for (size_t i = 0; i < v.size(); ++i) h = combine(h, hash_at(v[i], depth + 1));
      return h;
    }
    case SEMA_T_MAP: {
      auto& e = static_cast<MapObj*>(as_obj(w))->entries;
      h = combine(h, e.size());
      for (auto& [k, v] : e) h = combine(combine(h, hash_at(k, depth + 1)), hash_at(v, depth + 1));
      return h;
    }
    case SEMA_T_HASHMAP: {  // a set of entries: order-independent sum
      auto& m = static_cast<HashMapObj*>(as_obj(w))->map;
      uint64_t sum = 0;
      for (auto& [k, v] : m) sum += combine(hash_at(k, depth + 1), hash_at(v, depth + 1));
      return combine(combine(h, m.size()), sum);
    }
    case SEMA_T_RECORD: {
      auto* r = static_cast<RecordObj*>(as_obj(w));
      h = combine(h, r->tag);
      for (Word f : r->fields) h = combine(h, hash_at(f, depth + 1));
      return h;
    }
    default: return seed;  // procedures, promises: by kind (never equal anyway)
  }
}

}  // namespace

// ----------------------------------------------------------------- public

uint64_t hash_long_bytes(std::string_view s, uint64_t seed) { return combine(seed, std::hash<std::string_view>{}(s)); }

int compare(Word a, Word b) {
  bool descend = false;
  int r = compare_leaf(a, b, &descend);
  if (!descend) return r;
  std::vector<Pending> stack(1);
  open_pending(a, b, stack.back());
  while (!stack.empty()) {
    Pending& top = stack.back();
    if (top.i < top.na && top.i < top.nb) {
      Word ca = top.child_a(top.i), cb = top.child_b(top.i);
      ++top.i;
      r = compare_leaf(ca, cb, &descend);
      if (descend) {
        stack.emplace_back();  // invalidates top
        open_pending(ca, cb, stack.back());
      } else if (r != 0) {
        return r;
      }
      continue;
    }
    r = three_way(top.na, top.nb);
    if (r != 0) return r;
    stack.pop_back();
  }
  return 0;
}

namespace {

// What equal() can tell without looking inside collections.
enum class Leaf { Equal, Differ, Walk };

Leaf leaf_equal(Word x, Word y) {
  if (!sema_is_ptr(x) || !sema_is_ptr(y)) return x == y ? Leaf::Equal : Leaf::Differ;  // immediates, floats: same word
  Obj* ox = as_obj(x);
  Obj* oy = as_obj(y);
  if (ox->type != oy->type) return Leaf::Differ;
  switch (ox->type) {
    case SEMA_T_INT: return int_of(x) == int_of(y) ? Leaf::Equal : Leaf::Differ;
    case SEMA_T_STRING: return ox == oy || string_of(x) == string_of(y) ? Leaf::Equal : Leaf::Differ;
    case SEMA_T_BYTEVECTOR:
      return ox == oy || static_cast<BytevectorObj*>(ox)->bytes == static_cast<BytevectorObj*>(oy)->bytes
                 ? Leaf::Equal
                 : Leaf::Differ;
    // Collections are walked even when x and y are the same object: a
    // procedure inside is never equal to itself (language.md §3.1).
    case SEMA_T_LIST:
    case SEMA_T_VECTOR:
    case SEMA_T_MAP:
    case SEMA_T_HASHMAP:
    case SEMA_T_RECORD: return Leaf::Walk;
    default: return Leaf::Differ;  // lambdas, macros, natives, promises: never equal
  }
}

// x and y are collections of one type (leaf_equal said Walk): pushes their
// child pairs onto work, or returns false when their shapes already differ.
template <class Work>
bool push_children(Word x, Word y, Work& work) {
  Obj* ox = as_obj(x);
  Obj* oy = as_obj(y);
  switch (ox->type) {
    case SEMA_T_LIST:
    case SEMA_T_VECTOR: {
      SeqView vx = seq_view(x), vy = seq_view(y);
      if (vx.size() != vy.size()) return false;
      for (size_t i = 0; i < vx.size(); ++i) work.emplace_back(vx[i], vy[i]);
      return true;
    }
    case SEMA_T_MAP: {
      auto& ex = static_cast<MapObj*>(ox)->entries;
      auto& ey = static_cast<MapObj*>(oy)->entries;
      if (ex.size() != ey.size()) return false;
      for (size_t i = 0; i < ex.size(); ++i) {
        work.emplace_back(ex[i].first, ey[i].first);
        work.emplace_back(ex[i].second, ey[i].second);
      }
      return true;
    }
    case SEMA_T_HASHMAP: {
      auto& mx = static_cast<HashMapObj*>(ox)->map;
      auto& my = static_cast<HashMapObj*>(oy)->map;
      if (mx.size() != my.size()) return false;
      for (auto& [k, v] : mx) {
        auto it = my.find(k);
        if (it == my.end()) return false;
        work.emplace_back(v, it->second);
      }
      return true;
    }
    default: {  // record
      auto* rx = static_cast<RecordObj*>(ox);
      auto* ry = static_cast<RecordObj*>(oy);
      if (rx->tag != ry->tag || rx->fields.size() != ry->fields.size()) return false;
      for (size_t i = 0; i < rx->fields.size(); ++i) work.emplace_back(rx->fields[i], ry->fields[i]);
      return true;
    }
  }
}

// Two collections of one type, walked with a stack that lives on the C++
// stack until it outgrows a few dozen pairs. Out of line: its frame would
// otherwise be set up for every scalar comparison too.
__attribute__((noinline)) bool walk_equal(Word a, Word b) {
  boost::container::small_vector<std::pair<Word, Word>, 32> work;
  if (!push_children(a, b, work)) return false;
  while (!work.empty()) {
    auto [x, y] = work.back();
    work.pop_back();
    switch (leaf_equal(x, y)) {
      case Leaf::Equal: continue;
      case Leaf::Differ: return false;
      case Leaf::Walk:
        if (!push_children(x, y, work)) return false;
        continue;
    }
  }
  return true;
}

}  // namespace

// Scalars and strings (hashmap keys, `=` on strings) are decided by
// leaf_equal alone.
bool equal(Word a, Word b) {
  switch (leaf_equal(a, b)) {
    case Leaf::Equal: return true;
    case Leaf::Differ: return false;
    case Leaf::Walk: break;
  }
  return walk_equal(a, b);
}

namespace {
// Out of line, so that hashing a string key (below) saves no registers.
__attribute__((noinline)) uint64_t hash_other(Word w) { return hash_at(w, 0); }
}  // namespace

uint64_t hash(Word w) {
  if (is_type(w, SEMA_T_STRING)) return string_hash(static_cast<StringObj*>(as_obj(w)));  // hashmap keys
  return hash_other(w);
}

}  // namespace sema::rt
