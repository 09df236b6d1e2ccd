#include "reader/token.hpp"

#include "reader/rust_text.hpp"

namespace sema::rt::reader {

std::string debug_spelling(const Token& t) {
  std::string out;
  switch (t.kind) {
    case Tok::LParen: return "LParen";
    case Tok::RParen: return "RParen";
    case Tok::LBracket: return "LBracket";
    case Tok::RBracket: return "RBracket";
    case Tok::LBrace: return "LBrace";
    case Tok::RBrace: return "RBrace";
    case Tok::Quote: return "Quote";
    case Tok::Quasiquote: return "Quasiquote";
    case Tok::Unquote: return "Unquote";
    case Tok::UnquoteSplice: return "UnquoteSplice";
    case Tok::BytevectorStart: return "BytevectorStart";
    case Tok::Dot: return "Dot";
    case Tok::Nil: return "Nil";
    case Tok::End: return "end of input";
    case Tok::Int: return "Int(" + std::to_string(t.i) + ")";
    case Tok::Float: return "Float(" + rust::debug_f64(t.f) + ")";
    case Tok::Bool: return t.b ? "Bool(true)" : "Bool(false)";
    case Tok::String:
      out = "String(";
      rust::debug_str(out, t.text);
      break;
    case Tok::Symbol:
      out = "Symbol(";
      rust::debug_str(out, t.name);
      break;
    case Tok::Keyword:
      out = "Keyword(";
      rust::debug_str(out, t.name);
      break;
    case Tok::Char:
      out = "Char(";
      rust::debug_char(out, t.c);
      break;
  }
  out += ')';
  return out;
}

}  // namespace sema::rt::reader
