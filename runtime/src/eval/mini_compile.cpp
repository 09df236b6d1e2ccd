// Compiles a pure procedure's body into the mini-eval's nodes (mini_eval.hpp).
// A node the mini-eval does not handle becomes a Full node: the full
// evaluator runs it in the same frame.
#include "eval/mini_eval.hpp"

#include <algorithm>
#include <functional>

namespace sema::rt::mini {

namespace {

// The largest `(nth v K)` a deferred split serves is K - 1 (a field found
// by K scans; longer lines are rare in the loops this is for).
constexpr int64_t kMaxSplitIndex = 64;

// Whether pred holds for n or any node under it.
bool any_node(Node* n, const std::function<bool(Node*)>& pred) {
  if (pred(n)) return true;
  bool found = false;
  for_each_child(n, [&](NodeP& c) { found = found || (c && any_node(c.get(), pred)); });
  return found;
}

// Whether a read under n moves variable (target, slot) out of its slot.
bool moves(Node* n, const CScope* target, uint32_t slot) {
  return any_node(n, [&](Node* x) {
    if (x->kind != K::Local) return false;
    auto* l = static_cast<LocalNode*>(x);
    return l->last_use && l->target == target && l->slot == slot;
  });
}

// Whether anything under n writes a local slot (set!, an internal define):
// then a borrowed read could be released under its reader.
bool assigns_locals(Node* n) {
  return any_node(n, [](Node* x) { return x->kind == K::SetLocal || x->kind == K::DefLocal; });
}

class Compiler {
 public:
  Compiler(const Proto* p, Code& code) : proto_(p), code_(code) {}

  MNode* compile(Node* n) {
    switch (n->kind) {
      case K::Const: {
        MNode* m = make(MK::Const, n);
        m->constant = static_cast<ConstNode*>(n)->value.get();
        return m;
      }
      case K::Local: return local(static_cast<LocalNode*>(n));
      case K::Global: return make(MK::Global, n);
      case K::If: {
        auto* x = static_cast<IfNode*>(n);
        MNode* m = make(MK::If, n);
        m->kids = {compile(x->test.get()), compile(x->then.get())};
        if (x->els) m->kids.push_back(compile(x->els.get()));
        test_shape(m->kids[0]);
        return m;
      }
      case K::Seq:
      case K::And:
      case K::Or: {
        auto& items = static_cast<SeqNode*>(n)->items;
        MNode* m = make(n->kind == K::Seq ? MK::Seq : n->kind == K::And ? MK::And : MK::Or, n);
        for (auto& i : items) m->kids.push_back(compile(i.get()));
        return m;
      }
      case K::Let:
      case K::LetStar: {
        auto* x = static_cast<LetNode*>(n);
        MNode* m = make(MK::Let, n);
        m->let = x;
        for (auto& b : x->binds) m->kids.push_back(compile(b.second.get()));
        m->kids.push_back(compile(x->body.get()));
        defer_splits(m, x);
        std::vector<uint32_t> slots;
        for (size_t i = 0; i < x->binds.size(); ++i) {
          m->kids[i]->bind = bind_kind(m->kids[i]);
          m->kids[i]->bind_slot = x->binds[i].first;
          slots.push_back(x->binds[i].first);
        }
        std::ranges::sort(slots);
        m->distinct_slots = std::ranges::adjacent_find(slots) == slots.end();
        defer_keys(m, x);
        return m;
      }
      case K::Call: return call(static_cast<CallNode*>(n));
      case K::KwCall: {
        auto* x = static_cast<KwCallNode*>(n);
        MNode* m = make(MK::Keyword, n);
        m->keyword = x->keyword;
        m->kids = {compile(x->arg.get())};
        return m;
      }
      case K::Map: {
        auto* x = static_cast<MapNode*>(n);
        if (!map_keys_constant(x)) return make(MK::Full, n);
        MNode* m = make(MK::Map, n);
        for (auto& e : x->entries) m->kids.push_back(compile(e.second.get()));
        return m;
      }
      default: return make(MK::Full, n);
    }
  }

 private:
  MNode* make(MK kind, Node* n) {
    MNode& m = code_.nodes.emplace_back();
    m.kind = kind;
    m.node = n;
    return &m;
  }

  // MNode::test for an If's test t.
  static void test_shape(MNode* t) {
    if (!t->leaf_intrinsic) return;
    if (t->kind == MK::Hook1 && t->intrinsic == SEMA_INTRINSIC_NIL_P && t->kids[0]->kind == MK::Local) {
      t->test = MNode::Test::Nil;
      return;
    }
    if (t->kind != MK::Hook2 || t->intrinsic != SEMA_INTRINSIC_NUM_EQ) return;
    for (uint8_t v = 0; v < 2; ++v) {
      const MNode* c = t->kids[1 - v];
      if (t->kids[v]->kind == MK::Local && c->kind == MK::Const && is_type(c->constant, SEMA_T_STRING)) {
        t->test = MNode::Test::Text;
        t->test_var = v;
        t->test_text = c->constant;
        return;
      }
    }
  }

  // run_let's case for a binding's init (MNode::bind): each case runs what
  // value() (or the split's own path) would for this node.
  static MNode::Bind bind_kind(const MNode* k) {
    if (k->split_role == MNode::Split::Defer) return MNode::Bind::Defer;
    if (k->split_role == MNode::Split::Field) return MNode::Bind::Field;
    if (k->kind == MK::Hook1 && !k->leaf_intrinsic && k->chain) return MNode::Bind::Chain;
    if (k->kind == MK::Hook2 && k->leaf_intrinsic && !k->keyword_get && k->intrinsic == SEMA_INTRINSIC_GET)
      return MNode::Bind::Get;
    return MNode::Bind::Value;
  }

  // A read of a slot in one of this procedure's own frames; a variable of an
  // enclosing procedure could be assigned by another closure meanwhile, so
  // the full evaluator reads it (with a reference of its own).
  MNode* local(LocalNode* l) {
    if (l->target == nullptr || l->target->owner.get() != proto_->info.get()) return make(MK::Full, l);
    MNode* m = make(MK::Local, l);
    m->depth = l->depth;
    m->slot = l->slot;
    m->borrow = !l->last_use;
    return m;
  }

  // A call whose head is a global holding a builtin with a hook for this
  // many arguments (and an arity that accepts them): the hook is called
  // directly. Anything else runs in the full evaluator.
  MNode* call(CallNode* c) {
    size_t n = c->args.size();
    if (c->maybe_macro || c->head->kind != K::Global || n < 1 || n > 3) return make(MK::Full, c);
    Cell* cell = static_cast<GlobalNode*>(c->head.get())->cell;
    Word h = cell->value;
    if (!is_type(h, SEMA_T_NATIVE)) return make(MK::Full, c);
    auto* nat = static_cast<NativeObj*>(as_obj(h));
    void* hook = n == 1 ? reinterpret_cast<void*>(nat->hook1)
                 : n == 2 ? reinterpret_cast<void*>(nat->hook2)
                          : reinterpret_cast<void*>(nat->hook3);
    if (!nat->accepts(n) || hook == nullptr) return make(MK::Full, c);
    MNode* m = make(n == 1 ? MK::Hook1 : n == 2 ? MK::Hook2 : MK::Hook3, c);
    m->cell = cell;
    m->native = nat;
    m->builtin = h;
    m->hook = hook;
    m->flags = n == 1 ? nat->hook1_flags : n == 2 ? nat->hook2_flags : nat->hook3_flags;
    m->intrinsic = n == 1 ? nat->intrinsic1 : n == 2 ? nat->intrinsic2 : uint8_t{SEMA_INTRINSIC_NONE};
    code_.natives.push_back(Value::borrow(h));
    for (auto& a : c->args) m->kids.push_back(compile(a.get()));
    m->leaf_args = std::ranges::all_of(m->kids, [](MNode* k) { return k->kind == MK::Const || k->kind == MK::Local; });
    m->leaf_intrinsic = m->leaf_args && m->intrinsic != SEMA_INTRINSIC_NONE;
    if (m->leaf_intrinsic) note_moves(m, m);
    m->keyword_get = m->leaf_intrinsic && m->intrinsic == SEMA_INTRINSIC_GET && m->kids[1]->kind == MK::Const &&
                     sema_is_keyword(m->kids[1]->constant);
    // A variable read borrowed must stay in its slot until the call.
    for (size_t i = 0; i < n; ++i) {
      if (m->kids[i]->kind != MK::Local || !m->kids[i]->borrow) continue;
      auto* l = static_cast<LocalNode*>(c->args[i].get());
      for (size_t j = i + 1; j < n; ++j)
        if (moves(c->args[j].get(), l->target, l->slot)) m->kids[i]->borrow = false;
    }
    m->nested = n == 2 && m->intrinsic != SEMA_INTRINSIC_NONE && !m->leaf_args &&
                std::ranges::all_of(m->kids, [](MNode* k) {
                  return k->kind == MK::Const || k->kind == MK::Local ||
                         ((k->kind == MK::Hook1 || k->kind == MK::Hook2) && k->leaf_intrinsic);
                });
    if (m->nested) note_moves(m, m);
    if (n == 1 && m->intrinsic != SEMA_INTRINSIC_NONE && !m->leaf_args) {
      const MNode* k = m->kids[0];
      if (k->leaf_intrinsic) m->chain_depth = 2;
      else if (k->kind == MK::Hook1 && k->chain && k->chain_depth < kMaxChain) m->chain_depth = k->chain_depth + 1;
      m->chain = m->chain_depth != 0;
      if (m->chain) note_moves(m, m);
    }
    m->nested_kw = m->nested && m->kids[0]->kind != MK::Hook1 && m->kids[0]->kind != MK::Hook2 &&
                   m->kids[1]->keyword_get && m->kids[1]->kids[0]->kind == MK::Local;
    if (m->nested_kw) {
      const MNode* g = m->kids[1];
      m->kw_depth = g->kids[0]->depth;
      m->kw_slot = g->kids[0]->slot;
      m->kw_key = g->kids[1]->constant;
    }
    if (n == 3 && nat->intrinsic3 == SEMA_INTRINSIC_ASSOC && m->kids[2]->kind == MK::Map &&
        m->kids[2]->kids.size() <= kAssocLiteralMax) {
      m->kind = MK::AssocLiteral;
      m->rec = rec_shape(m);
    }
    return m;
  }

  // Deferred splits (mini_eval.hpp, MNode::split_role). A binding
  // `v (string/split X C)` (the standard split as a leaf call, C a one-byte
  // constant, its slot bound once by this let) qualifies when every read of
  // v in the later bindings and the body (counted in the analysed tree, so
  // reads inside Full nodes count too) is the leaf `(first v)` / `(nth v K)`
  // (0 <= K < kMaxSplitIndex) that IS a later binding's init or the leaf of
  // a chain that is. Why this is unobservable:
  // - v's slot holds X's string instead of the list made from it. Strings
  //   are immutable and the split of a string at one byte cannot fail (but
  //   for memory), so the list can be made later from the same bytes, equal
  //   to the one the binding would have made; `eq?` is structural, so a
  //   field made fresh at each use is the same value as the list's element.
  // - Nothing else reads the slot: the evaluator never sees it either, as
  //   the only nodes above a use are the let itself and a chain, whose
  //   rebinding checks (run_chain, run_split_field) turn the slot into the
  //   list before the evaluator can run the node (call_hook's st.ev). A
  //   use under any other call is refused here: such a call would hand its
  //   analysed node, the read included, to the evaluator when rebound.
  // - A run tells a deferred slot from an ordinary one by the let's
  //   split_live bit, not by the word (a rebound string/split could return
  //   a string); a nested run of the same let saves and restores the bits.
  // - A call that may turn out to be a macro (expanded and analysed at run
  //   time) could hide a read, so any such call refuses the let's splits.
  [[gnu::noinline]] void defer_splits(MNode* m, LetNode* x) {
    size_t nb = x->binds.size();
    for (size_t i = 0; i < nb && i < 32; ++i) {
      MNode* s = m->kids[i];
      if (!is_byte_split(s)) continue;
      uint32_t slot = x->binds[i].first;
      if (std::ranges::count(x->binds, slot, [](const auto& b) { return b.first; }) != 1) continue;
      std::vector<MNode*> uses, inits;
      bool ok = true;
      for (size_t j = i + 1; j <= nb && ok; ++j) {
        Reads r{x->scope.get(), slot};
        count_reads(m->kids[j]->node, &r);
        if (r.macro) return;  // for every split of this let
        if (r.n == 0) continue;
        MNode* u = j < nb ? field_use(m->kids[j], x->scope.get(), slot) : nullptr;
        ok = r.n == 1 && u != nullptr;
        if (ok) {
          uses.push_back(u);
          inits.push_back(m->kids[j]);
        }
      }
      if (!ok || uses.empty()) continue;
      s->split_role = MNode::Split::Defer;
      s->split_bit = uint32_t{1} << i;
      s->split_sep = string_of(s->kids[1]->constant)[0];
      const MNode* from = s->kids.data()[0];  // a Hook2 (is_byte_split); data(): no assertion's cold code in front of the hot text
      s->split_from_local = from->kind == MK::Local;
      s->split_from_depth = from->depth;
      s->split_from_slot = from->slot;
      for (MNode* u : uses) {
        u->kind = MK::SplitField;
        u->split_role = MNode::Split::Field;
        u->split_bit = s->split_bit;
        u->split_let = m;
        u->split = s;
        u->split_sep = string_of(s->kids[1]->constant)[0];
        u->split_index = u->kids.size() == 1 ? 0 : static_cast<uint32_t>(sema_small_int_of(u->kids[1]->constant));
        char c = u->split_sep;
        u->split_tenths = u->split_index < MNode::kSplitCuts && c != '-' && c != '.' && (c < '0' || c > '9');
      }
      for (MNode* init : inits) {
        init->split_number = number_chain(init);
        const MNode* src = init->split_number ? number_chain_source(init) : nullptr;
        init->split_moves_src = src && init->moved.size() == 1 && init->moved[0].depth == src->depth &&
                                init->moved[0].slot == src->slot;
        if (init->split_number) number_step(init, src);
      }
    }
  }

  // Deferred keys (mini_eval.hpp, MNode::key_bit). A binding `name F`, F a
  // deferred split's field (a SplitField init, Bind::Field), name's slot
  // bound once by this let, qualifies when the first later binding that
  // reads name is a leaf `get` (Bind::Get) whose key, and only that, is the
  // read (counted in the analysed tree, as defer_splits does). Why this is
  // unobservable:
  // - Until that get, name's slot holds the split's source string (a
  //   reference of its own) instead of the field, and nothing reads it.
  //   Strings are immutable, so the field's bytes stay what they were.
  // - The get needs only the bytes: a string key equals a string of the same
  //   text, and the hashmap hashes a string by its text (TextKey). Then the
  //   slot takes a string equal to the field (`eq?` is structural, so the
  //   same value as the binding's): the map's own key when found, else one
  //   made from the bytes; every other path of the get (anything but a
  //   hashmap, get rebound: call_hook hands the node to the evaluator) makes
  //   it first (key_string). From the get on, every read sees a string, as
  //   today, so the body and later bindings may read name in any way.
  // - The let's split_live bit says the slot is deferred, not the word; a
  //   run of the same let inside ours saves and restores the bits, and may
  //   leave the split's ends for another word (key_text finds them again).
  // - A call that may turn out to be a macro could hide a read: refused.
  [[gnu::noinline]] void defer_keys(MNode* m, LetNode* x) noexcept {
    size_t nb = x->binds.size();
    const CScope* scope = x->scope.get();
    for (size_t i = 0; i < nb && i < 32; ++i) {
      MNode* u = m->kids[i];
      if (u->kind != MK::SplitField || u->bind != MNode::Bind::Field) continue;
      uint32_t slot = x->binds[i].first;
      if (std::ranges::count(x->binds, slot, [](const auto& b) { return b.first; }) != 1) continue;
      for (size_t j = i + 1; j < nb; ++j) {
        Reads r{scope, slot};
        count_reads(m->kids[j]->node, &r);
        if (r.macro) return;
        if (r.n == 0) continue;
        MNode* g = m->kids[j];
        if (r.n == 1 && g->bind == MNode::Bind::Get && reads_slot(g->kids[1], scope, slot)) {
          u->bind = MNode::Bind::Key;
          u->key_bit = uint32_t{1} << i;
          g->key_field = u;
        }
        break;
      }
    }
  }

  // The reads of a slot under n, and whether a call there may be a macro
  // (defer_splits' and defer_keys' count). The walk's state is one pointer,
  // so its std::function needs no allocation and nothing can throw: with
  // the walk and defer_keys noexcept (and defer_keys out of line) the
  // compiler adds no cleanup code to .text.unlikely, which lies in front of
  // the hot text and would move it (performance.md §31).
  struct Reads {
    const CScope* scope;
    uint32_t slot;
    size_t n = 0;
    bool macro = false;
  };
  static void count_reads(Node* n, Reads* r) noexcept {
    if (n->kind == K::Call && static_cast<CallNode*>(n)->maybe_macro) r->macro = true;
    if (is_read_of(n, r->scope, r->slot)) ++r->n;
    for_each_child(n, [r](NodeP& c) {
      if (c) count_reads(c.get(), r);
    });
  }

  static bool is_read_of(const Node* n, const CScope* scope, uint32_t slot) {
    if (n->kind != K::Local) return false;
    auto* l = static_cast<const LocalNode*>(n);
    return l->target == scope && l->slot == slot;
  }
  static bool reads_slot(const MNode* k, const CScope* scope, uint32_t slot) {
    return k->kind == MK::Local && is_read_of(k->node, scope, slot);
  }

  // Whether init, a deferred split's use, is `(string->number F)` or
  // `(float (string->number F))` with F the SplitField (run_chain's
  // split_number step).
  static bool number_chain(const MNode* init) {
    if (init->kind != MK::Hook1 || !init->chain) return false;
    const MNode* c = init;
    if (c->intrinsic == SEMA_INTRINSIC_FLOAT) c = c->kids[0];
    return c->kind == MK::Hook1 && c->chain && c->intrinsic == SEMA_INTRINSIC_STRING_TO_NUMBER &&
           c->kids[0]->kind == MK::SplitField;
  }

  // split_number's first step (mini_eval.hpp): what it reads, found once
  // (the nodes live in the Code's deque: their addresses are stable). A
  // source read that is not at depth 0 (none is: the init is evaluated in
  // the split's let frame) gets a slot past any frame, whose read is never
  // the split's source: the step declines every time.
  [[gnu::noinline]] static void number_step(MNode* init, const MNode* src) noexcept {
    static constexpr uint32_t kBeforeFirst = UINT32_MAX;  // + 1 wraps to field 0's start
    MNode* conv = init->intrinsic == SEMA_INTRINSIC_FLOAT ? init->kids[0] : init;
    MNode* u = conv->kids[0];
    MNode* s = u->split;
    const MNode* calls[3] = {init, conv, u};
    for (size_t i = 0; i < 3; ++i) {
      init->split_cells[i] = calls[i]->cell;
      init->split_builtins[i] = calls[i]->builtin;
    }
    uint32_t k = u->split_index;  // < kSplitCuts when split_tenths
    init->split_live_at = &u->split_let->split_live;
    init->split_live_bit = u->split_bit;
    init->split_slot = src->depth == 0 ? src->slot : UINT32_MAX;
    init->split_node = s;
    init->split_known_next = u->split_tenths ? k : UINT32_MAX;
    init->split_known_last = static_cast<uint8_t>(k + 1);
    init->split_from_at = !u->split_tenths ? nullptr : k ? &s->split_end[k - 1] : &kBeforeFirst;
    init->split_end_at = u->split_tenths ? &s->split_end[k] : nullptr;
  }

  // A number_chain's read of the split's slot.
  static const MNode* number_chain_source(const MNode* init) {
    const MNode* c = init->intrinsic == SEMA_INTRINSIC_FLOAT ? init->kids[0] : init;
    return c->kids[0]->kids[0];
  }

  // The standard string/split as a leaf call at a one-byte constant.
  static bool is_byte_split(const MNode* s) {
    if (s->kind != MK::Hook2 || s->intrinsic != SEMA_INTRINSIC_STRING_SPLIT || !s->leaf_args) return false;
    Word c = s->kids[1]->constant;
    return s->kids[1]->kind == MK::Const && is_type(c, SEMA_T_STRING) && string_of(c).size() == 1;
  }

  // The `(first v)` / `(nth v K)` that init is or that ends init's chain,
  // reading (scope, slot); null if none.
  static MNode* field_use(MNode* init, const CScope* scope, uint32_t slot) {
    MNode* u = init;
    while (u->kind == MK::Hook1 && u->chain) u = u->kids[0];
    if (u->kind != MK::Hook1 && u->kind != MK::Hook2) return nullptr;
    if (u->kids[0]->kind != MK::Local) return nullptr;
    auto* l = static_cast<LocalNode*>(u->kids[0]->node);
    if (l->target != scope || l->slot != slot) return nullptr;
    if (u->kind == MK::Hook1) return u->intrinsic == SEMA_INTRINSIC_FIRST ? u : nullptr;
    Word k = u->kids[1]->constant;
    bool index = u->kids[1]->kind == MK::Const && is_small_int(k) && sema_small_int_of(k) >= 0 &&
                 sema_small_int_of(k) < kMaxSplitIndex;
    return u->intrinsic == SEMA_INTRINSIC_NTH && index ? u : nullptr;
  }

  static bool last_use(const MNode* k) { return static_cast<LocalNode*>(k->node)->last_use; }
  static bool same_slot(const MNode* k, uint32_t depth, uint32_t slot) {
    return k->kind == MK::Local && k->depth == depth && k->slot == slot;
  }

  // The stats update's shape (mini_eval.hpp, Rec) of an AssocLiteral node,
  // or null. Every read of M in the step is a get of one of the literal's
  // keys, and one of them is M's last use: after the literal today's path
  // holds M's map only through the accumulator's entry. Cold: it runs once
  // per compile, and out of the hot text it leaves the run-time code where
  // it was (placement, performance.md §24).
  [[gnu::cold]] Rec* rec_shape(MNode* m) {
    MNode* acc = m->kids[0];
    MNode* key = m->kids[1];
    MNode* lit = m->kids[2];
    auto* literal = static_cast<MapNode*>(lit->node);
    if (acc->kind != MK::Local || !last_use(acc)) return nullptr;  // a borrowed accumulator is never unique
    // A key read neither moved nor borrowed is one a later value moves out.
    if (key->kind != MK::Const && (key->kind != MK::Local || !(last_use(key) || key->borrow))) return nullptr;
    // M: the map variable of the first get.
    const MNode* first = nullptr;
    for (MNode* k : lit->kids)
      if (k->kind == MK::Hook2 && k->nested_kw) {
        first = k;
        break;
      }
    if (first == nullptr) return nullptr;
    uint32_t md = first->kw_depth, ms = first->kw_slot;
    Rec r;
    r.n = static_cast<uint32_t>(literal->sorted_keys.size());
    r.keys = literal->sorted_keys.data();
    enum class End : uint8_t { Keep, Release, Take };
    std::vector<End> end;
    // The index of a read of slot (depth, slot) in ops; last: the read is
    // the variable's last use, and what happens to the slot then.
    auto read = [&](uint32_t depth, uint32_t slot, bool last, End how) {
      for (uint8_t i = 0; i < r.reads.size(); ++i)
        if (r.reads[i].depth == depth && r.reads[i].slot == slot) {
          if (last) end[i] = how;
          return i;
        }
      r.reads.push_back({depth, slot});
      end.push_back(last ? how : End::Keep);
      return static_cast<uint8_t>(r.reads.size() - 1);
    };
    std::vector<Word> constants;
    auto constant = [&](Word w) {
      constants.push_back(w);
      return static_cast<uint8_t>(kRecReads + constants.size() - 1);  // fixed up below
    };
    auto add_cell = [&](Cell* c, Word w) {
      if (std::ranges::find(r.cells, c, &std::pair<Cell*, Word>::first) == r.cells.end()) r.cells.emplace_back(c, w);
    };
    read(acc->depth, acc->slot, true, End::Keep);  // ops[0]; emptied apart
    r.map = read(md, ms, false, End::Keep);        // emptied apart
    if (same_slot(key, md, ms)) return nullptr;
    r.key = key->kind == MK::Local ? read(key->depth, key->slot, last_use(key), End::Release) : constant(key->constant);
    add_cell(m->cell, m->builtin);
    bool map_last = false;
    for (size_t i = 0; i < lit->kids.size(); ++i) {
      MNode* k = lit->kids[i];
      Rec::Part part;
      part.pos = static_cast<uint8_t>(std::ranges::find(literal->sorted, static_cast<uint32_t>(i)) - literal->sorted.begin());
      part.key = r.keys[part.pos];
      if (k->kind == MK::Const) {
        part.arg = constant(k->constant);
        part.take = !is_ptr(k->constant);  // an immediate needs no reference
      } else if (k->kind == MK::Local) {
        if (same_slot(k, md, ms)) return nullptr;
        part.take = last_use(k);
        part.arg = read(k->depth, k->slot, part.take, End::Take);
      } else if (k->kind == MK::Hook2 && k->nested_kw) {
        if (k->kw_depth != md || k->kw_slot != ms) return nullptr;
        auto at = std::ranges::find(literal->sorted_keys, k->kw_key);
        if (at == literal->sorted_keys.end()) return nullptr;
        part.op = k->intrinsic;
        part.kind = part.op == SEMA_INTRINSIC_MIN   ? Rec::Kind::Min
                    : part.op == SEMA_INTRINSIC_MAX ? Rec::Kind::Max
                    : part.op == SEMA_INTRINSIC_ADD ? Rec::Kind::Add
                                                    : Rec::Kind::Other;
        part.entry = static_cast<uint8_t>(at - literal->sorted_keys.begin());
        // Values are written as they are computed: no op may read an
        // entry an earlier value was written to.
        for (const Rec::Part& earlier : r.parts)
          if (earlier.pos == part.entry) return nullptr;
        MNode* a = k->kids[0];
        if (same_slot(a, md, ms)) return nullptr;
        part.arg = a->kind == MK::Local ? read(a->depth, a->slot, last_use(a), End::Release) : constant(a->constant);
        if (part.kind == Rec::Kind::Add && a->kind == MK::Const && is_small_int(a->constant)) part.kind = Rec::Kind::AddInt;
        MNode* g = k->kids[1];
        map_last = map_last || last_use(g->kids[0]);
        add_cell(k->cell, k->builtin);
        add_cell(g->cell, g->builtin);
      } else {
        return nullptr;
      }
      r.parts.push_back(part);
    }
    if (!map_last || r.cells.size() > kRecCells) return nullptr;
    // The constants go after the reads.
    auto nreads = static_cast<uint8_t>(r.reads.size());
    auto fix = [&](uint8_t& i) {
      if (i >= kRecReads) i = static_cast<uint8_t>(i - kRecReads + nreads);
    };
    fix(r.key);
    for (Rec::Part& part : r.parts) fix(part.arg);
    for (size_t i = 0; i < constants.size(); ++i) r.ops[nreads + i] = constants[i];
    for (uint8_t i = 1; i < nreads; ++i) {
      if (i == r.map) continue;
      if (end[i] == End::Release) r.released.push_back(i);
      if (end[i] == End::Take) r.taken.push_back(i);
    }
    // An old value needs no release when an op read it for its own key:
    // number_intrinsic2 took it, so it is an immediate.
    for (Rec::Part& part : r.parts) {
      part.release_old = part.op == 0 || part.entry != part.pos;
      r.fixups = r.fixups || part.release_old;
    }
    if (!rec_finish(r)) return nullptr;
    return &code_.recs.emplace_back(std::move(r));
  }

  // The rest of r's shape: its reads' count and depth (false: deeper than
  // kRecDepth, no Rec) and its straight-line shape. Out of rec_shape and
  // out of the cold text, in the text that follows the hot one: code that
  // runs once per compile then moves no per-row code (performance.md §30,
  // §32).
  [[gnu::noinline, gnu::section(".text.sema.once")]] static bool rec_finish(Rec& r) {
    r.nreads = static_cast<uint8_t>(r.reads.size());
    for (const MNode::Slot& rd : r.reads) r.depth = std::max(r.depth, rd.depth);
    if (r.depth >= kRecDepth) return false;
    r.shape = fixed_shape(r);
    return true;
  }

  // The straight-line shape (Rec::Shape) r's parts have, or None: each part
  // an op on its own key's old value, one part per key, min, max and + on
  // one operand, their kinds one of the shapes'. The parts are then put in
  // the shape's order of kinds (the literal's are in key order): rec_fixed
  // computes every value before it writes any, so the order they are
  // computed in is not observable.
  [[gnu::section(".text.sema.once")]] static Rec::Shape fixed_shape(Rec& r) {
    using K = Rec::Kind;
    if (r.parts.size() != r.n) return Rec::Shape::None;
    bool arg_set = false;
    for (const Rec::Part& part : r.parts) {
      if (part.op == 0 || part.entry != part.pos || part.kind == K::Other) return Rec::Shape::None;
      if (part.kind == K::AddInt) continue;
      if (arg_set && part.arg != r.fixed_arg) return Rec::Shape::None;
      r.fixed_arg = part.arg;
      arg_set = true;
    }
    // The parts by kind, each kind's in entry order (plain loops: no
    // library sort instantiated for Part, which would grow the dynamic
    // symbol table and move the hot text, performance.md §30).
    Rec::Part parts[kAssocLiteralMax];
    K kinds[kAssocLiteralMax];
    size_t n = 0;
    for (K k : {K::Min, K::Max, K::Add, K::AddInt})
      for (const Rec::Part& part : r.parts)
        if (part.kind == k) kinds[n] = k, parts[n++] = part;
    if (n != r.parts.size()) return Rec::Shape::None;
    auto is = [&](std::initializer_list<K> want) {
      if (want.size() != n) return false;
      size_t i = 0;
      for (K k : want)
        if (kinds[i++] != k) return false;
      return true;
    };
    Rec::Shape shape = is({K::Min, K::Max, K::Add, K::AddInt}) ? Rec::Shape::MinMaxAddCount
                       : is({K::Min, K::Max, K::Add})          ? Rec::Shape::MinMaxAdd
                       : is({K::Min, K::Max})                  ? Rec::Shape::MinMax
                                                               : Rec::Shape::None;
    if (shape == Rec::Shape::None) return shape;
    for (size_t i = 0; i < n; ++i) {
      r.parts[i] = parts[i];
      r.fixed_at[i] = static_cast<uint32_t>(parts[i].pos * sizeof(MapEntry));
      if (parts[i].kind == K::AddInt) r.fixed_add = sema_small_int_of(r.ops[parts[i].arg]);
    }
    return shape;
  }

  // Lists in m the slots of the reads under n that are their variable's
  // last use (emptied after m's intrinsics ran on the words in place).
  static void note_moves(MNode* m, const MNode* n) {
    for (MNode* k : n->kids) {
      if (k->kind == MK::Local && static_cast<LocalNode*>(k->node)->last_use)
        m->moved.push_back({k->depth, k->slot});
      else if (k->kind == MK::Hook1 || k->kind == MK::Hook2)
        note_moves(m, k);
    }
    m->leaf_moves = !m->moved.empty();
  }

  const Proto* proto_;
  Code& code_;
};

}  // namespace

Code::Code() = default;
Code::~Code() = default;

std::unique_ptr<Code> compile(const Proto* p) {
  if (!p->info->pure || assigns_locals(p->body.get())) return nullptr;
  auto code = std::make_unique<Code>();
  code->root = Compiler(p, *code).compile(p->body.get());
  if (code->root->kind == MK::Full) return nullptr;  // nothing to gain
  return code;
}

}  // namespace sema::rt::mini
