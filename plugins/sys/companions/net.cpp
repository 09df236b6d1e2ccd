// libsema-sys-net.so: the sys plugin's HTTP exchanges over libcurl
// (companion_api.hpp). Loaded on the first http/* call; libcurl's global set-up
// (and with it OpenSSL's) happens then, not when sys loads.
#include "companion_api.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

namespace {

using sys::HttpTransfer;

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
  auto* t = static_cast<HttpTransfer*>(user);
  std::string_view line(data, size * n);
  if (line.starts_with("HTTP/")) {
    // A new response (after a redirect or a 100 Continue) replaces the last.
    t->headers.clear();
    t->headers_done = false;
  } else if (trim(line).empty()) {
    t->headers_done = true;
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = trim(line.substr(colon + 1));
    if (visible_ascii(value)) t->headers[lower(trim(line.substr(0, colon)))] = std::string(value);
  }
  return size * n;
}

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<HttpTransfer*>(user)->response_body.append(data, size * n);
  return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<HttpTransfer*>(user);
  if (t->interrupted != nullptr && t->interrupted(t->user)) {
    t->was_interrupted = true;
    return 1;  // aborts the transfer
  }
  return 0;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

void fail(HttpTransfer& t, std::string why) {
  t.ok = false;
  t.error = std::move(why);
}

void perform(HttpTransfer& t) {
  // Once per process; the guard of the static serialises concurrent first calls.
  static const bool curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)curl_ready;

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return fail(t, "cannot create a curl handle");
  CURL* c = curl.get();
  char errbuf[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, t.url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);

  if (t.method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  else if (t.method != "GET" || t.body) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, t.method.c_str());
  if (t.body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t.body->size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, t.body->c_str());
  }
  if (t.timeout_ms >= 0) curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, t.timeout_ms);

  std::unique_ptr<curl_slist, CurlDeleter> list;
  for (const auto& l : t.header_lines) {
    curl_slist* next = curl_slist_append(list.get(), l.c_str());
    if (!next) return fail(t, "out of memory");
    (void)list.release();
    list.reset(next);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());

  CURLcode rc = curl_easy_perform(c);
  if (t.was_interrupted) return fail(t, "interrupted");
  if (rc != CURLE_OK) {
    std::string why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return fail(t, std::move(why));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &t.status);
  t.ok = true;
}

constexpr sys::NetTable kTable{sys::kCompanionAbi, perform};

}  // namespace

extern "C" __attribute__((visibility("default"))) const sys::NetTable* sema_sys_net_table() { return &kTable; }
