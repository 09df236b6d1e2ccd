// Synchronous HTTP (stdlib.md §7.6) over libcurl, which the network
// companion library wraps (companion_api.hpp).
#include "common.hpp"
#include "companion.hpp"
#include <sema/json_encode.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

struct Request {
  const char* builtin;  // for the capability error
  std::string method;
  std::string url;
  sema_value opts = SEMA_NIL;  // borrowed; ignored unless a sorted map
  std::optional<sema_value> body;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool interrupted(void* ctx) { return sema::api->interrupted(static_cast<sema_ctx*>(ctx)); }

Value header_map(const std::map<std::string, std::string>& headers) {
  MapBuilder m;
  for (const auto& [k, v] : headers) m.set(k, Value::string(v));
  return m.done();
}

// Builds the request header lines from opts' :headers map.
std::vector<std::string> user_headers(sema_value opts, bool& has_content_type) {
  std::vector<std::string> lines;
  if (!is_map(opts)) return lines;
  auto h = map_lookup(opts, "headers");
  if (!h || !is_map(*h)) return lines;
  for (size_t i = 0, n = sema::api->map_count(*h); i < n; ++i) {
    sema_value k, v;
    sema::api->map_entry(*h, i, &k, &v);
    std::string name;
    if (sema::is_string(k)) name = sema::string_of(k);
    else if (sema_is_keyword(k)) name = sema::id_name(sema_id_of(k));
    else continue;
    std::string value = sema::to_text(v, true);
    if (lower(name) == "content-type") has_content_type = true;
    // curl sends "Name;" as a header with an empty value.
    lines.push_back(value.empty() ? name + ";" : name + ": " + value);
  }
  return lines;
}

Result<Value> perform(sema_ctx* ctx, const Request& q) {
  if (!sema::api->check_capability(ctx, "net", q.builtin)) return sema::pending();
  std::string prefix = "http " + q.method + " " + q.url + ": ";

  // The body text and whether it is JSON.
  std::optional<std::string> body;
  bool json = false;
  if (q.body) {
    sema_value b = *q.body;
    if (sema::is_string(b)) {
      body = std::string(sema::string_of(b));
    } else if (is_map(b)) {
      auto j = sema::json::encode(b, false);
      if (!j) return std::unexpected(j.error());
      body = std::move(*j);
      json = true;
    } else {
      body = sema::to_text(b, false);
    }
  }

  auto net = net_table(q.builtin);
  if (!net) return std::unexpected(net.error());
  HttpTransfer t;
  t.method = q.method;
  t.url = q.url;
  t.body = std::move(body);
  t.interrupted = &interrupted;
  t.user = ctx;
  if (is_map(q.opts)) {
    if (auto ms = map_lookup(q.opts, "timeout"); ms && sema::is_int(*ms)) {
      int64_t v = sema::int_of(*ms);
      // 0 times out at once; a negative value (a huge unsigned one in the
      // original) means no limit.
      if (v >= 0) t.timeout_ms = static_cast<long>(std::max<int64_t>(v, 1));
    }
  }

  bool has_content_type = false;
  t.header_lines = user_headers(q.opts, has_content_type);
  if (t.body && !has_content_type) t.header_lines.push_back(json ? "Content-Type: application/json" : "Content-Type:");
  t.header_lines.push_back("Expect:");  // no 100-continue round trip for large bodies

  (*net)->perform(t);
  if (t.was_interrupted) return sema::pending(sema::api->raise_interrupt(ctx));
  if (!t.ok) {
    // Once the final header block is in, a failure is a body read failure.
    if (t.headers_done) return sema::io_error(prefix + "read body: " + t.error);
    return sema::io_error(prefix + t.error);
  }
  return MapBuilder()
      .set("body", Value::string(lossy_utf8(t.response_body)))
      .set("headers", header_map(t.headers))
      .set("status", Value::integer(t.status))
      .done();
}

Result<Value> get(sema_ctx* ctx, Args a) {
  auto url = sema::want_string(a[0]);
  if (!url) return std::unexpected(url.error());
  return perform(ctx, {"http/get", "GET", std::string(*url), a.size() > 1 ? a[1] : SEMA_NIL, std::nullopt});
}

Result<Value> del(sema_ctx* ctx, Args a) {
  auto url = sema::want_string(a[0]);
  if (!url) return std::unexpected(url.error());
  return perform(ctx, {"http/delete", "DELETE", std::string(*url), a.size() > 1 ? a[1] : SEMA_NIL, std::nullopt});
}

Result<Value> with_body(sema_ctx* ctx, Args a, const char* builtin, const char* method) {
  auto url = sema::want_string(a[0]);
  if (!url) return std::unexpected(url.error());
  return perform(ctx, {builtin, method, std::string(*url), a.size() > 2 ? a[2] : SEMA_NIL, a[1]});
}
Result<Value> post(sema_ctx* ctx, Args a) { return with_body(ctx, a, "http/post", "POST"); }
Result<Value> put(sema_ctx* ctx, Args a) { return with_body(ctx, a, "http/put", "PUT"); }

Result<Value> request(sema_ctx* ctx, Args a) {
  auto method = sema::want_string(a[0]);
  if (!method) return std::unexpected(method.error());
  auto url = sema::want_string(a[1]);
  if (!url) return std::unexpected(url.error());
  std::string m(*method);
  for (char& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  static constexpr std::string_view kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
  if (std::find(std::begin(kMethods), std::end(kMethods), m) == std::end(kMethods))
    return sema::eval_error("http: unknown method " + m);
  std::optional<sema_value> body;
  if (a.size() > 3) body = a[3];
  return perform(ctx, {"http/request", m, std::string(*url), a.size() > 2 ? a[2] : SEMA_NIL, body});
}

}  // namespace

void register_http(sema::Registry& r) {
  // The spec states these arities in words.
  auto words = [](const char* text) {
    sema::BuiltinOptions o;
    o.arity_text = text;
    return o;
  };
  r.add<get>("http/get", 1, 2, words("1 or 2"))
      .add<post>("http/post", 2, 3, words("2 or 3"))
      .add<put>("http/put", 2, 3, words("2 or 3"))
      .add<del>("http/delete", 1, 2, words("1 or 2"))
      .add<request>("http/request", 2, 4);
}

}  // namespace sys
