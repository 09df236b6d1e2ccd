// Parsing text with strftime items into UTC epoch seconds, with chrono's
// rules and error texts (NaiveDateTime::parse_from_str).
#include "civil.hpp"
#include "time_items.hpp"

#include <cctype>
#include <limits>

namespace sys::timefmt {
namespace {

constexpr const char* kOutOfRange = "input is out of range";
constexpr const char* kImpossible = "no possible date and time matching input";
constexpr const char* kNotEnough = "input is not enough for unique date and time";
constexpr const char* kInvalid = "input contains invalid characters";
constexpr const char* kTooShort = "premature end of input";
constexpr const char* kTooLong = "trailing input";

struct Parsed {
  std::optional<int64_t> year, year_div_100, year_mod_100, month, day, ordinal, weekday;
  std::optional<int64_t> hour_div_12, hour_mod_12, minute, second, nanosecond, timestamp;
};

// Sets a field once; a second, different value is a contradiction.
const char* set(std::optional<int64_t>& slot, int64_t v, int64_t lo, int64_t hi) {
  if (v < lo || v > hi) return kOutOfRange;
  if (slot && *slot != v) return kImpossible;
  slot = v;
  return nullptr;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
void trim_start(std::string_view& s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
}

// Reads between min and max digits (chrono's scan::number).
const char* number(std::string_view& s, size_t max, int64_t& v) {
  if (s.empty()) return kTooShort;
  size_t n = 0;
  uint64_t acc = 0;
  while (n < s.size() && n < max && std::isdigit(static_cast<unsigned char>(s[n]))) {
    acc = acc * 10 + static_cast<uint64_t>(s[n] - '0');
    if (acc > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return kOutOfRange;
    ++n;
  }
  if (n == 0) return kInvalid;
  s.remove_prefix(n);
  v = static_cast<int64_t>(acc);
  return nullptr;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  return true;
}

// A month or weekday name: the 3-letter form, optionally followed by the rest
// of the long name (chrono accepts either for both specifiers).
const char* name(std::string_view& s, const char* const* names, int count, int64_t& index) {
  if (s.size() < 3) return kTooShort;
  for (int i = 0; i < count; ++i) {
    std::string_view full = names[i];
    if (!starts_with_ci(s, full.substr(0, 3))) continue;
    s.remove_prefix(3);
    if (starts_with_ci(s, full.substr(3))) s.remove_prefix(full.size() - 3);
    index = i;
    return nullptr;
  }
  return kInvalid;
}

// Digits after the decimal point as nanoseconds: exactly `exact` digits, or
// (exact = 0) every digit present, of which the first nine count.
const char* fraction(std::string_view& s, size_t exact, int64_t& nanos) {
  size_t n = 0;
  while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
  if (exact) {
    if (n < exact) return n == s.size() ? kTooShort : kInvalid;
    n = exact;
  } else if (n == 0) {
    return s.empty() ? kTooShort : kInvalid;
  }
  int64_t acc = 0;
  for (size_t k = 0; k < 9; ++k) acc = acc * 10 + (k < n ? s[k] - '0' : 0);
  s.remove_prefix(n);
  nanos = acc;
  return nullptr;
}

const char* offset(std::string_view& s, bool colon_allowed) {
  if (s.empty()) return kTooShort;
  if (s.front() != '+' && s.front() != '-') return kInvalid;
  s.remove_prefix(1);
  int64_t hh = 0, mm = 0;
  std::string_view two = s.substr(0, 2);
  if (two.size() < 2) return kTooShort;
  if (auto e = number(two, 2, hh); e || !two.empty()) return e ? e : kInvalid;
  s.remove_prefix(2);
  if (colon_allowed && !s.empty() && s.front() == ':') s.remove_prefix(1);
  two = s.substr(0, 2);
  if (two.size() < 2) return kTooShort;
  if (auto e = number(two, 2, mm); e || !two.empty()) return e ? e : kInvalid;
  s.remove_prefix(2);
  return nullptr;  // the offset is ignored: the result is always UTC
}

const char* numeric(std::string_view& s, Num n, Parsed& p) {
  trim_start(s);
  int64_t v = 0;
  bool signed_field = n == Num::Year || n == Num::IsoYear || n == Num::Timestamp;
  size_t width = n == Num::Year || n == Num::IsoYear ? 4 : n == Num::Ordinal ? 3 : n == Num::Nanosecond ? 9
               : n == Num::NumDaysFromSun || n == Num::WeekdayFromMon ? 1 : n == Num::Timestamp ? 19 : 2;
  if (signed_field && !s.empty() && (s.front() == '-' || s.front() == '+')) {
    bool neg = s.front() == '-';
    s.remove_prefix(1);
    if (auto e = number(s, 19, v)) return e;
    if (neg) v = -v;
  } else if (auto e = number(s, width, v)) {
    return e;
  }
  switch (n) {
    case Num::Year: return set(p.year, v, civil::kMinYear, civil::kMaxYear);
    case Num::YearDiv100: return set(p.year_div_100, v, 0, civil::kMaxYear / 100);
    case Num::YearMod100: return set(p.year_mod_100, v, 0, 99);
    case Num::Month: return set(p.month, v, 1, 12);
    case Num::Day: return set(p.day, v, 1, 31);
    case Num::Ordinal: return set(p.ordinal, v, 1, 366);
    case Num::NumDaysFromSun: return set(p.weekday, v, 0, 6);
    case Num::WeekdayFromMon:
      if (v < 1 || v > 7) return kOutOfRange;
      return set(p.weekday, v % 7, 0, 6);
    case Num::Hour:
      if (v > 23) return kOutOfRange;
      if (auto e = set(p.hour_div_12, v / 12, 0, 1)) return e;
      return set(p.hour_mod_12, v % 12, 0, 11);
    case Num::Hour12:
      if (v < 1 || v > 12) return kOutOfRange;
      return set(p.hour_mod_12, v % 12, 0, 11);
    case Num::Minute: return set(p.minute, v, 0, 59);
    case Num::Second: return set(p.second, v, 0, 60);
    case Num::Nanosecond: return set(p.nanosecond, v, 0, 999999999);
    case Num::Timestamp: return set(p.timestamp, v, civil::kMinSeconds, civil::kMaxSeconds);
    default: return nullptr;  // week numbers and ISO years are read but not used
  }
}

const char* fixed(std::string_view& s, Fixed f, Parsed& p) {
  int64_t v = 0;
  switch (f) {
    case Fixed::ShortMonthName:
    case Fixed::LongMonthName:
      if (auto e = name(s, kMonthNames, 12, v)) return e;
      return set(p.month, v + 1, 1, 12);
    case Fixed::ShortWeekdayName:
    case Fixed::LongWeekdayName:
      if (auto e = name(s, kWeekdayNames, 7, v)) return e;
      return set(p.weekday, v, 0, 6);
    case Fixed::LowerAmPm:
    case Fixed::UpperAmPm:
      if (s.size() < 2) return kTooShort;
      if (starts_with_ci(s, "am")) v = 0;
      else if (starts_with_ci(s, "pm")) v = 1;
      else return kInvalid;
      s.remove_prefix(2);
      return set(p.hour_div_12, v, 0, 1);
    case Fixed::NanosecondDyn:
      if (s.empty() || s.front() != '.') return nullptr;  // the fraction is optional
      s.remove_prefix(1);
      if (auto e = fraction(s, 0, v)) return e;
      return set(p.nanosecond, v, 0, 999999999);
    case Fixed::Nanosecond3:
    case Fixed::Nanosecond6:
    case Fixed::Nanosecond9:
      if (s.empty()) return kTooShort;
      if (s.front() != '.') return kInvalid;
      s.remove_prefix(1);
      [[fallthrough]];
    case Fixed::Nanosecond3NoDot:
    case Fixed::Nanosecond6NoDot:
    case Fixed::Nanosecond9NoDot: {
      size_t digits = (f == Fixed::Nanosecond3 || f == Fixed::Nanosecond3NoDot)   ? 3
                      : (f == Fixed::Nanosecond6 || f == Fixed::Nanosecond6NoDot) ? 6
                                                                                  : 9;
      if (auto e = fraction(s, digits, v)) return e;
      return set(p.nanosecond, v, 0, 999999999);
    }
    case Fixed::TimezoneName:
      while (!s.empty() && !is_space(s.front())) s.remove_prefix(1);
      return nullptr;
    case Fixed::Offset: return offset(s, false);
    case Fixed::OffsetColon:
    case Fixed::OffsetDoubleColon:
    case Fixed::OffsetTripleColon: return offset(s, true);
  }
  return nullptr;
}

// The date's day number, or an error.
const char* resolve_date(const Parsed& p, int64_t& days) {
  std::optional<int64_t> year = p.year;
  if (!year) {
    if (p.year_div_100 && p.year_mod_100) year = *p.year_div_100 * 100 + *p.year_mod_100;
    else if (p.year_mod_100 && !p.year_div_100) year = *p.year_mod_100 + (*p.year_mod_100 < 70 ? 2000 : 1900);
  } else if (p.year_mod_100 && (*year % 100 + 100) % 100 != *p.year_mod_100) {
    return kImpossible;
  }
  if (!year) return kNotEnough;
  if (p.month && p.day) {
    if (*p.day > civil::days_in_month(*year, static_cast<int>(*p.month))) return kOutOfRange;
    days = civil::days_from_civil(*year, static_cast<int>(*p.month), static_cast<int>(*p.day));
    if (p.ordinal && days - civil::days_from_civil(*year, 1, 1) + 1 != *p.ordinal) return kImpossible;
  } else if (p.ordinal) {
    if (*p.ordinal > (civil::is_leap(*year) ? 366 : 365)) return kOutOfRange;
    days = civil::days_from_civil(*year, 1, 1) + *p.ordinal - 1;
  } else {
    return kNotEnough;
  }
  if (p.weekday && civil::weekday_from_days(days) != *p.weekday) return kImpossible;
  return nullptr;
}

const char* resolve_time(const Parsed& p, int64_t& secs) {
  if (!p.hour_div_12 || !p.hour_mod_12 || !p.minute) return kNotEnough;
  // A leap second (:60) keeps second 59; the extra second lives in the fraction.
  int64_t second = p.second ? std::min<int64_t>(*p.second, 59) : 0;
  secs = (*p.hour_div_12 * 12 + *p.hour_mod_12) * 3600 + *p.minute * 60 + second;
  return nullptr;
}

}  // namespace

ParseResult parse(std::string_view s, const std::vector<Item>& items) {
  Parsed p;
  for (const auto& it : items) {
    const char* err = nullptr;
    switch (it.kind) {
      case Item::Kind::Space: trim_start(s); break;
      case Item::Kind::Literal:
        if (s.size() < it.text.size()) err = kTooShort;
        else if (!s.starts_with(it.text)) err = kInvalid;
        else s.remove_prefix(it.text.size());
        break;
      case Item::Kind::Numeric: err = numeric(s, it.num, p); break;
      case Item::Kind::Fixed: err = fixed(s, it.fixed, p); break;
    }
    if (err) return {std::nullopt, err};
  }
  if (!s.empty()) return {std::nullopt, kTooLong};

  int64_t days = 0, secs = 0;
  const char* date_err = resolve_date(p, days);
  const char* time_err = resolve_time(p, secs);
  if (!date_err && !time_err) {
    int64_t total = days * 86400 + secs;
    if (p.timestamp && *p.timestamp != total) return {std::nullopt, kImpossible};
    return {total, {}};
  }
  if (p.timestamp) return {*p.timestamp, {}};
  return {std::nullopt, date_err ? date_err : time_err};
}

}  // namespace sys::timefmt
