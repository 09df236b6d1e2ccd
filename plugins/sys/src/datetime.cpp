// Date and time builtins (stdlib.md §7.3). Everything is UTC; timestamps are
// float seconds since the Unix epoch.
#include "civil.hpp"
#include "common.hpp"
#include "time_items.hpp"

#include <chrono>
#include <cmath>

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

// A timestamp split like the original: whole seconds truncated toward zero,
// then the fraction as nanoseconds (a negative fraction counts as 0).
Result<timefmt::Moment> moment_of(double ts) {
  if (!std::isfinite(ts) || ts < static_cast<double>(civil::kMinSeconds) - 1 ||
      ts > static_cast<double>(civil::kMaxSeconds) + 1)
    return sema::eval_error("time: invalid timestamp");
  auto secs = static_cast<int64_t>(std::trunc(ts));
  if (secs < civil::kMinSeconds || secs > civil::kMaxSeconds) return sema::eval_error("time: invalid timestamp");
  double frac = (ts - static_cast<double>(secs)) * 1e9;
  uint32_t nanos = frac <= 0 ? 0 : frac >= 999999999.0 ? 999999999u : static_cast<uint32_t>(frac);
  return timefmt::Moment{secs, nanos};
}

Result<Value> now(sema_ctx*, Args) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
  return Value::real(static_cast<double>(ms / 1000) + static_cast<double>(ms % 1000) / 1000.0);
}

Result<Value> format(sema_ctx*, Args a) {
  auto ts = sema::want_number(a[0]);
  if (!ts) return std::unexpected(ts.error());
  auto fmt = sema::want_string(a[1]);
  if (!fmt) return std::unexpected(fmt.error());
  auto m = moment_of(*ts);
  if (!m) return std::unexpected(m.error());
  auto items = timefmt::tokenize(*fmt);
  // chrono panics here; we raise (stdlib.md §1.9).
  if (!items) return sema::eval_error("time/format: invalid format string: \"" + std::string(*fmt) + "\"");
  return Value::string(timefmt::format(*m, *items));
}

Result<Value> parse(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  auto fmt = sema::want_string(a[1]);
  if (!fmt) return std::unexpected(fmt.error());
  auto items = timefmt::tokenize(*fmt);
  if (!items) return sema::eval_error("time/parse: bad or unsupported format string");
  auto r = timefmt::parse(*text, *items);
  if (!r.seconds) return sema::eval_error("time/parse: " + r.error);
  return Value::real(static_cast<double>(*r.seconds));
}

Result<Value> date_parts(sema_ctx*, Args a) {
  auto ts = sema::want_number(a[0]);
  if (!ts) return std::unexpected(ts.error());
  auto m = moment_of(*ts);
  if (!m) return std::unexpected(m.error());
  int64_t days = m->seconds / 86400, rem = m->seconds % 86400;
  if (rem < 0) rem += 86400, --days;
  auto d = civil::civil_from_days(days);
  return MapBuilder()
      .set("day", Value::integer(d.day))
      .set("hour", Value::integer(rem / 3600))
      .set("minute", Value::integer(rem / 60 % 60))
      .set("month", Value::integer(d.month))
      .set("second", Value::integer(rem % 60))
      .set("weekday", Value::string(timefmt::kWeekdayNames[civil::weekday_from_days(days)]))
      .set("year", Value::integer(d.year))
      .done();
}

Result<Value> add(sema_ctx*, Args a) {
  auto t = sema::want_number(a[0]);
  if (!t) return std::unexpected(t.error());
  auto secs = sema::want_number(a[1]);
  if (!secs) return std::unexpected(secs.error());
  return Value::real(*t + *secs);
}

Result<Value> diff(sema_ctx*, Args a) {
  auto t1 = sema::want_number(a[0]);
  if (!t1) return std::unexpected(t1.error());
  auto t2 = sema::want_number(a[1]);
  if (!t2) return std::unexpected(t2.error());
  return Value::real(*t1 - *t2);
}

}  // namespace

void register_datetime(sema::Registry& r) {
  r.add<now>("time/now", 0, 0)
      .add<format>("time/format", 2, 2)
      .add<parse>("time/parse", 2, 2)
      .add<date_parts>("time/date-parts", 1, 1)
      .add<add>("time/add", 2, 2)
      .add<diff>("time/diff", 2, 2);
}

}  // namespace sys
