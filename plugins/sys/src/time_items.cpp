#include "time_items.hpp"

namespace sys::timefmt {

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdayNames[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

Item lit(std::string s) { return Item{Item::Kind::Literal, std::move(s)}; }
Item num(Num n, Pad p = Pad::Default) {
  Item i{Item::Kind::Numeric, {}};
  i.num = n;
  i.pad = p;
  return i;
}
Item fix(Fixed f) {
  Item i{Item::Kind::Fixed, {}};
  i.fixed = f;
  return i;
}
Item space(std::string s) { return Item{Item::Kind::Space, std::move(s)}; }

// Appends the items of one specifier (after '%' and the pad flag); false if unknown.
bool expand(std::string_view& rest, Pad pad, std::vector<Item>& out) {
  if (rest.empty()) return false;
  char c = rest.front();
  rest.remove_prefix(1);
  size_t first = out.size();
  switch (c) {
    case 'Y': out.push_back(num(Num::Year)); break;
    case 'C': out.push_back(num(Num::YearDiv100)); break;
    case 'y': out.push_back(num(Num::YearMod100)); break;
    case 'G': out.push_back(num(Num::IsoYear)); break;
    case 'g': out.push_back(num(Num::IsoYearMod100)); break;
    case 'm': out.push_back(num(Num::Month)); break;
    case 'd': out.push_back(num(Num::Day)); break;
    case 'e': out.push_back(num(Num::Day, Pad::Space)); break;
    case 'U': out.push_back(num(Num::WeekFromSun)); break;
    case 'W': out.push_back(num(Num::WeekFromMon)); break;
    case 'V': out.push_back(num(Num::IsoWeek)); break;
    case 'w': out.push_back(num(Num::NumDaysFromSun)); break;
    case 'u': out.push_back(num(Num::WeekdayFromMon)); break;
    case 'j': out.push_back(num(Num::Ordinal)); break;
    case 'H': out.push_back(num(Num::Hour)); break;
    case 'k': out.push_back(num(Num::Hour, Pad::Space)); break;
    case 'I': out.push_back(num(Num::Hour12)); break;
    case 'l': out.push_back(num(Num::Hour12, Pad::Space)); break;
    case 'M': out.push_back(num(Num::Minute)); break;
    case 'S': out.push_back(num(Num::Second)); break;
    case 'f': out.push_back(num(Num::Nanosecond)); break;
    case 's': out.push_back(num(Num::Timestamp)); break;
    case 'b': case 'h': out.push_back(fix(Fixed::ShortMonthName)); break;
    case 'B': out.push_back(fix(Fixed::LongMonthName)); break;
    case 'a': out.push_back(fix(Fixed::ShortWeekdayName)); break;
    case 'A': out.push_back(fix(Fixed::LongWeekdayName)); break;
    case 'p': out.push_back(fix(Fixed::UpperAmPm)); break;
    case 'P': out.push_back(fix(Fixed::LowerAmPm)); break;
    case 'Z': out.push_back(fix(Fixed::TimezoneName)); break;
    case 'z': out.push_back(fix(Fixed::Offset)); break;
    case 'D': case 'x':
      out.insert(out.end(), {num(Num::Month), lit("/"), num(Num::Day), lit("/"), num(Num::YearMod100)});
      break;
    case 'F': out.insert(out.end(), {num(Num::Year), lit("-"), num(Num::Month), lit("-"), num(Num::Day)}); break;
    case 'v': out.insert(out.end(), {num(Num::Day, Pad::Space), lit("-"), fix(Fixed::ShortMonthName), lit("-"), num(Num::Year)}); break;
    case 'T': case 'X':
      out.insert(out.end(), {num(Num::Hour), lit(":"), num(Num::Minute), lit(":"), num(Num::Second)});
      break;
    case 'R': out.insert(out.end(), {num(Num::Hour), lit(":"), num(Num::Minute)}); break;
    case 'r':
      out.insert(out.end(), {num(Num::Hour12), lit(":"), num(Num::Minute), lit(":"), num(Num::Second), space(" "),
                             fix(Fixed::UpperAmPm)});
      break;
    case 'c':
      out.insert(out.end(), {fix(Fixed::ShortWeekdayName), space(" "), fix(Fixed::ShortMonthName), space(" "),
                             num(Num::Day, Pad::Space), space(" "), num(Num::Hour), lit(":"), num(Num::Minute),
                             lit(":"), num(Num::Second), space(" "), num(Num::Year)});
      break;
    case '+':
      out.insert(out.end(), {num(Num::Year), lit("-"), num(Num::Month), lit("-"), num(Num::Day), lit("T"),
                             num(Num::Hour), lit(":"), num(Num::Minute), lit(":"), num(Num::Second),
                             fix(Fixed::NanosecondDyn), fix(Fixed::OffsetColon)});
      break;
    case 't': out.push_back(space("\t")); break;
    case 'n': out.push_back(space("\n")); break;
    case '%': out.push_back(lit("%")); break;
    case '.':  // %.f %.3f %.6f %.9f
      if (rest.starts_with("f")) out.push_back(fix(Fixed::NanosecondDyn)), rest.remove_prefix(1);
      else if (rest.starts_with("3f")) out.push_back(fix(Fixed::Nanosecond3)), rest.remove_prefix(2);
      else if (rest.starts_with("6f")) out.push_back(fix(Fixed::Nanosecond6)), rest.remove_prefix(2);
      else if (rest.starts_with("9f")) out.push_back(fix(Fixed::Nanosecond9)), rest.remove_prefix(2);
      else return false;
      break;
    case '3': case '6': case '9':
      if (!rest.starts_with("f")) return false;
      rest.remove_prefix(1);
      out.push_back(fix(c == '3' ? Fixed::Nanosecond3NoDot : c == '6' ? Fixed::Nanosecond6NoDot : Fixed::Nanosecond9NoDot));
      break;
    case ':':  // %:z %::z %:::z
      if (rest.starts_with("z")) out.push_back(fix(Fixed::OffsetColon)), rest.remove_prefix(1);
      else if (rest.starts_with(":z")) out.push_back(fix(Fixed::OffsetDoubleColon)), rest.remove_prefix(2);
      else if (rest.starts_with("::z")) out.push_back(fix(Fixed::OffsetTripleColon)), rest.remove_prefix(3);
      else return false;
      break;
    default: return false;
  }
  if (pad != Pad::Default) {
    // A padding flag only applies to a single numeric specifier.
    if (out.size() != first + 1 || out.back().kind != Item::Kind::Numeric) return false;
    out.back().pad = pad;
  }
  return true;
}

}  // namespace

std::optional<std::vector<Item>> tokenize(std::string_view fmt) {
  std::vector<Item> out;
  while (!fmt.empty()) {
    char c = fmt.front();
    if (c == '%') {
      fmt.remove_prefix(1);
      Pad pad = Pad::Default;
      if (!fmt.empty() && (fmt.front() == '-' || fmt.front() == '_' || fmt.front() == '0')) {
        pad = fmt.front() == '-' ? Pad::None : fmt.front() == '_' ? Pad::Space : Pad::Zero;
        fmt.remove_prefix(1);
      }
      if (!expand(fmt, pad, out)) return std::nullopt;
      continue;
    }
    // A run of whitespace or of other literal text.
    bool ws = is_space(c);
    size_t n = 0;
    while (n < fmt.size() && fmt[n] != '%' && is_space(fmt[n]) == ws) ++n;
    out.push_back(ws ? space(std::string(fmt.substr(0, n))) : lit(std::string(fmt.substr(0, n))));
    fmt.remove_prefix(n);
  }
  return out;
}

}  // namespace sys::timefmt
