// Synchronous HTTP over libcurl (stdlib.md §7.6).
#include "common.hpp"
#include <sema/json_encode.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

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

struct Response {
  long status = 0;
  bool headers_done = false;            // the final response's header block ended
  std::map<std::string, std::string> headers;  // lowercase name → last value
  std::string body;
  sema_ctx* ctx = nullptr;
  bool interrupted = false;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// A header value that is not visible ASCII (tab allowed) is not text: dropped.
bool visible_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c == '\t' || (c >= 0x20 && c < 0x7F);
  });
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* r = static_cast<Response*>(user);
  std::string_view line(data, size * n);
  if (line.starts_with("HTTP/")) {
    // A new response (after a redirect or a 100 Continue) replaces the last.
    r->headers.clear();
    r->headers_done = false;
  } else if (trim(line).empty()) {
    r->headers_done = true;
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = trim(line.substr(colon + 1));
    if (visible_ascii(value)) r->headers[lower(trim(line.substr(0, colon)))] = std::string(value);
  }
  return size * n;
}

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<Response*>(user)->body.append(data, size * n);
  return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* r = static_cast<Response*>(user);
  if (sema::api->interrupted(r->ctx)) {
    r->interrupted = true;
    return 1;  // aborts the transfer
  }
  return 0;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

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

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return sema::io_error(prefix + "cannot create a curl handle");
  CURL* c = curl.get();
  Response r;
  r.ctx = ctx;
  char errbuf[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, q.url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &r);

  if (q.method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  else if (q.method != "GET" || body) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, q.method.c_str());
  if (body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->c_str());
  }

  if (is_map(q.opts)) {
    if (auto t = map_lookup(q.opts, "timeout"); t && sema::is_int(*t)) {
      int64_t ms = sema::int_of(*t);
      // 0 times out at once; a negative value (a huge unsigned one in the
      // original) means no limit.
      if (ms >= 0) curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<int64_t>(ms, 1)));
    }
  }

  bool has_content_type = false;
  std::vector<std::string> lines = user_headers(q.opts, has_content_type);
  if (body && !has_content_type) lines.push_back(json ? "Content-Type: application/json" : "Content-Type:");
  lines.push_back("Expect:");  // no 100-continue round trip for large bodies
  std::unique_ptr<curl_slist, CurlDeleter> list;
  for (const auto& l : lines) {
    curl_slist* next = curl_slist_append(list.get(), l.c_str());
    if (!next) return sema::io_error(prefix + "out of memory");
    (void)list.release();
    list.reset(next);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());

  CURLcode rc = curl_easy_perform(c);
  if (r.interrupted) return sema::pending(sema::api->raise_interrupt(ctx));
  if (rc != CURLE_OK) {
    std::string why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    // Once the final header block is in, a failure is a body read failure.
    if (r.headers_done) return sema::io_error(prefix + "read body: " + why);
    return sema::io_error(prefix + why);
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  return MapBuilder()
      .set("body", Value::string(lossy_utf8(r.body)))
      .set("headers", header_map(r.headers))
      .set("status", Value::integer(r.status))
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
  // Once per process, while the host loads plugins on one thread.
  static const bool curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)curl_ready;
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
