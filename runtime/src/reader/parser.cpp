#include "reader/parser.hpp"

#include "value/interner.hpp"

#include <algorithm>

namespace sema::rt::reader {
namespace {

uint32_t quote_id(Tok k) {
  static const uint32_t quote = intern("quote");
  static const uint32_t quasiquote = intern("quasiquote");
  static const uint32_t unquote = intern("unquote");
  static const uint32_t splice = intern("unquote-splicing");
  switch (k) {
    case Tok::Quote: return quote;
    case Tok::Quasiquote: return quasiquote;
    case Tok::Unquote: return unquote;
    default: return splice;
  }
}

}  // namespace

Parser::~Parser() {
  for (Word w : items_) release(w);
}

std::unexpected<Error> Parser::parser_error(Span at, std::string message) {
  // The original tokenized everything before parsing: a lexer error later in
  // the input is what it reported.
  if (auto r = lex_.drain(); !r) return std::unexpected(std::move(r.error()));
  return reader_error(at, std::move(message));
}

void Parser::record(const Value& v, Span at) {
  if (spans_) (*spans_)[as_obj(v.get())] = at;
}

Result<std::optional<Value>> Parser::next_datum() { return parse(); }

Result<std::optional<Value>> Parser::parse() {
  for (;;) {
    if (auto r = lex_.next(tok_); !r) return std::unexpected(std::move(r.error()));
    Frame* top = stack_.empty() ? nullptr : &stack_.back();
    const bool in_list = top && top->kind == Kind::List;
    if (in_list && top->dot == DotState::NeedClose && tok_.kind != Tok::RParen)
      return parser_error(tok_.span, "expected RParen, got " + debug_spelling(tok_));

    Value datum;
    switch (tok_.kind) {
      case Tok::End: {
        if (!top) return std::optional<Value>{};
        // Parser errors at end of input are reported at 0:0.
        switch (top->kind) {
          case Kind::Quote: return parser_error({}, "unexpected end of input");
          case Kind::List:
            return parser_error({}, top->dot == DotState::AfterDot ? "unexpected end of input" : "unterminated list");
          case Kind::Vector: return parser_error({}, "unterminated vector");
          case Kind::Map:
            if ((items_.size() - top->base) % 2 != 0) return parser_error({}, "map literal must have even number of forms");
            return parser_error({}, "unterminated map");
        }
        return parser_error({}, "unexpected end of input");
      }
      case Tok::LParen:
      case Tok::LBracket:
      case Tok::LBrace: {
        Kind k = tok_.kind == Tok::LParen ? Kind::List : tok_.kind == Tok::LBracket ? Kind::Vector : Kind::Map;
        stack_.push_back(Frame{k, DotState::Normal, 0, tok_.span, items_.size()});
        continue;
      }
      case Tok::Quote:
      case Tok::Quasiquote:
      case Tok::Unquote:
      case Tok::UnquoteSplice:
        stack_.push_back(Frame{Kind::Quote, DotState::Normal, quote_id(tok_.kind), tok_.span, items_.size()});
        continue;
      case Tok::Dot:
        if (in_list && top->dot == DotState::Normal) {
          // A dotted tail reads as a flat list holding the symbol `.`.
          top->dot = DotState::AfterDot;
          items_.push_back(symbol("."));
          continue;
        }
        return parser_error(tok_.span, "unexpected token: Dot");
      case Tok::RParen:
        if (!in_list || top->dot == DotState::AfterDot) return parser_error(tok_.span, "unexpected token: RParen");
        datum = close(*top);
        stack_.pop_back();
        break;
      case Tok::RBracket:
        if (!top || top->kind != Kind::Vector) return parser_error(tok_.span, "unexpected token: RBracket");
        datum = close(*top);
        stack_.pop_back();
        break;
      case Tok::RBrace:
        if (!top || top->kind != Kind::Map) return parser_error(tok_.span, "unexpected token: RBrace");
        if ((items_.size() - top->base) % 2 != 0)
          return parser_error(tok_.span, "map literal must have even number of forms");
        datum = close(*top);
        stack_.pop_back();
        break;
      case Tok::BytevectorStart: {
        auto bv = bytevector(tok_.span);
        if (!bv) return std::unexpected(std::move(bv.error()));
        datum = std::move(*bv);
        break;
      }
      case Tok::Int: datum = int_value(tok_.i); break;
      case Tok::Float: datum = Value::own(sema_from_float(tok_.f)); break;
      case Tok::String: datum = make_string(std::move(tok_.text)); break;
      case Tok::Symbol: datum = Value::own(symbol(tok_.name)); break;
      case Tok::Keyword: datum = Value::own(keyword(tok_.name)); break;
      case Tok::Bool: datum = Value::own(sema_from_bool(tok_.b)); break;
      case Tok::Char: datum = Value::own(sema_from_char(tok_.c)); break;
      case Tok::Nil: break;
    }

    // Hand the finished datum to the innermost open frame; reader macros
    // complete as soon as their datum does.
    for (;;) {
      if (stack_.empty()) return std::optional<Value>(std::move(datum));
      Frame& f = stack_.back();
      if (f.kind == Kind::Quote) {
        Value wrapped = make_list(std::vector<Word>{sema_from_symbol(f.quote_id), datum.take()});
        record(wrapped, f.open);
        datum = std::move(wrapped);
        stack_.pop_back();
        continue;
      }
      if (f.kind == Kind::List && f.dot == DotState::AfterDot) f.dot = DotState::NeedClose;
      items_.push_back(datum.take());
      break;
    }
  }
}

Value Parser::close(const Frame& f) {
  Value v;
  if (f.kind == Kind::Map) {
    v = build_map(f.base);
  } else {
    std::vector<Word> elems(items_.begin() + static_cast<ptrdiff_t>(f.base), items_.end());
    items_.resize(f.base);
    v = f.kind == Kind::List ? make_list(std::move(elems)) : make_vector(std::move(elems));
  }
  record(v, f.open);
  return v;
}

Value Parser::build_map(size_t base) {
  std::vector<std::pair<Word, Word>> entries;
  entries.reserve((items_.size() - base) / 2);
  for (size_t i = base; i + 1 < items_.size(); i += 2) entries.emplace_back(items_[i], items_[i + 1]);
  items_.resize(base);
  // Sorted by the value order; among equal keys the first key object stays
  // and the last value wins (language.md §1.8).
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return compare(a.first, b.first) < 0; });
  std::vector<Word> dropped;
  size_t out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (out > 0 && compare(entries[out - 1].first, entries[i].first) == 0) {
      dropped.push_back(entries[i].first);
      dropped.push_back(entries[out - 1].second);
      entries[out - 1].second = entries[i].second;
    } else {
      entries[out++] = entries[i];
    }
  }
  entries.resize(out);
  for (Word w : dropped) {
    forget_spans(w);
    release(w);
  }
  auto* m = new MapObj();
  m->entries.assign(entries.begin(), entries.end());
  return Value::own(from_obj(m));
}

void Parser::forget_spans(Word w) {
  // A dropped duplicate dies now; its span entries (and its children's) must
  // not outlive it, or a later object at the same address would inherit them.
  if (!spans_) return;
  std::vector<Word> todo{w};
  while (!todo.empty()) {
    Word x = todo.back();
    todo.pop_back();
    if (!sema_is_ptr(x) || as_obj(x)->rc != 1) continue;  // shared objects live on
    Obj* o = as_obj(x);
    if (o->type == SEMA_T_MAP) {
      for (auto& [k, v] : static_cast<MapObj*>(o)->entries) {
        todo.push_back(k);
        todo.push_back(v);
      }
    } else if (o->type == SEMA_T_LIST || o->type == SEMA_T_VECTOR) {
      SeqView s = seq_view(x);
      for (size_t i = 0; i < s.size(); ++i) todo.push_back(s[i]);
    } else {
      continue;
    }
    spans_->erase(o);
  }
}

Result<Value> Parser::bytevector(Span open) {
  std::vector<uint8_t> bytes;
  for (;;) {
    if (auto r = lex_.next(tok_); !r) return std::unexpected(std::move(r.error()));
    switch (tok_.kind) {
      case Tok::RParen: return make_bytevector(std::move(bytes));
      case Tok::End: return parser_error(open, "unterminated bytevector");
      case Tok::Int:
        if (tok_.i < 0 || tok_.i > 255)
          return parser_error(tok_.span, "#u8(...): byte value " + std::to_string(tok_.i) + " out of range 0..255");
        bytes.push_back(static_cast<uint8_t>(tok_.i));
        continue;
      default: return parser_error(tok_.span, "#u8(...): expected integer byte value");
    }
  }
}

}  // namespace sema::rt::reader
