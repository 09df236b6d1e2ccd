// HTTP builtins against a local server (stdlib.md §7.6).
#include <catch2/catch.hpp>

#include "http_server.hpp"
#include "sema_test.hpp"

#include <cstdlib>

using sema::test::Session;
using sys_test::HttpServer;

namespace {
// The test talks to 127.0.0.1 only; a proxy from the environment must not interfere.
Session session() {
  for (const char* v : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) ::unsetenv(v);
  return Session("core,string,map,sys");
}
std::string q(const std::string& s) { return "\"" + s + "\""; }
}  // namespace

TEST_CASE("http/get returns status, headers and body", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  std::string r = "(http/get " + q(srv.url("/hello")) + ")";
  CHECK(s.eval("(get " + r + " :status)") == "200");
  CHECK(s.eval("(get " + r + " :body)") == "\"hello world\"");
  CHECK(s.eval("(get (get " + r + " :headers) :x-custom)") == "\"yes\"");
  CHECK(s.eval("(get (get " + r + " :headers) :content-type)") == "\"text/plain\"");
  CHECK(s.eval("(get (get " + r + " :headers) :content-length)") == "\"11\"");
  CHECK(s.eval("(keys " + r + ")") == "(:body :headers :status)");
  CHECK(s.eval("(map? (get " + r + " :headers))") == "#t");
  CHECK(srv.last().method == "GET");
  CHECK(srv.last().body.empty());
}

TEST_CASE("non-2xx statuses are not errors", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  CHECK(s.eval("(let ((r (http/get " + q(srv.url("/missing")) + "))) (list (get r :status) (get r :body)))") ==
        "(404 \"nope\")");
  CHECK(s.eval("(get (http/get " + q(srv.url("/error")) + ") :status)") == "500");
}

TEST_CASE("response headers: last duplicate wins, non-text values dropped", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  std::string h = "(get (http/get " + q(srv.url("/dup")) + ") :headers)";
  CHECK(s.eval("(get " + h + " :x-dup)") == "\"second\"");
  CHECK(s.eval("(contains? " + h + " :x-bin)") == "#f");
  CHECK(s.eval("(get (http/get " + q(srv.url("/latin1")) + ") :body)") == "\"a\xEF\xBF\xBD" "b\"");
}

TEST_CASE("redirects are followed", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  CHECK(s.eval("(get (http/get " + q(srv.url("/redirect")) + ") :body)") == "\"hello world\"");
}

TEST_CASE("request headers from opts", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  s.eval("(http/get " + q(srv.url("/hello")) + " {:headers {\"X-Token\" \"abc\" :x-num 42 :x-kw :on}})");
  auto seen = srv.last();
  CHECK(seen.header("x-token") == "abc");
  CHECK(seen.header("x-num") == "42");   // display form
  CHECK(seen.header("x-kw") == ":on");
  // Non-map opts and unknown keys are ignored.
  CHECK(s.eval("(get (http/get " + q(srv.url("/hello")) + " \"junk\") :status)") == "200");
  CHECK(s.eval("(get (http/get " + q(srv.url("/hello")) + " {:other 1 :headers 5}) :status)") == "200");
}

TEST_CASE("post and put bodies", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  CHECK(s.eval("(get (http/post " + q(srv.url("/echo")) + " \"raw text\") :body)") == "\"POST raw text\"");
  CHECK(srv.last().header("content-type") == "<none>");  // a string is sent raw
  CHECK(s.eval("(get (http/post " + q(srv.url("/echo")) + " {:name \"Ada\" :age 36 :tags [1 2.5 nil]}) :body)") ==
        "\"POST {\"age\":36,\"name\":\"Ada\",\"tags\":[1,2.5,null]}\"");
  CHECK(srv.last().header("content-type") == "application/json");
  CHECK(s.eval("(get (http/put " + q(srv.url("/echo")) + " '(1 \"two\")) :body)") == "\"PUT (1 \"two\")\"");
  CHECK(s.eval("(get (http/put " + q(srv.url("/echo")) + " 42 {:headers {:content-type \"text/x\"}}) :body)") ==
        "\"PUT 42\"");
  CHECK(srv.last().header("content-type") == "text/x");
  // A hashmap is not JSON-encoded: its write form is sent.
  CHECK(s.eval("(get (http/post " + q(srv.url("/echo")) + " (hashmap/new)) :body)") == "\"POST {}\"");
  CHECK(s.eval("(http/post " + q(srv.url("/echo")) + " {:x (bytevector 1)})") ==
        "Eval error: json/encode: cannot encode bytevector");
}

TEST_CASE("http/delete and http/request", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  CHECK(s.eval("(get (http/delete " + q(srv.url("/echo")) + ") :body)") == "\"DELETE \"");
  CHECK(s.eval("(get (http/request \"patch\" " + q(srv.url("/echo")) + " {} \"p\") :body)") == "\"PATCH p\"");
  CHECK(s.eval("(get (http/request \"Get\" " + q(srv.url("/hello")) + ") :body)") == "\"hello world\"");
  CHECK(s.eval("(let ((r (http/request \"HEAD\" " + q(srv.url("/hello")) + "))) (list (get r :status) (get r :body)))") ==
        "(200 \"\")");
  CHECK(srv.last().method == "HEAD");
  CHECK(s.eval("(get (http/request \"POST\" " + q(srv.url("/echo")) + " nil {:a 1}) :body)") == "\"POST {\"a\":1}\"");
  CHECK(s.eval("(http/request \"fetch\" " + q(srv.url("/echo")) + ")") == "Eval error: http: unknown method FETCH");
}

TEST_CASE("timeouts and connection failures are IO errors", "[sys][http]") {
  HttpServer srv;
  Session s = session();
  std::string slow = srv.url("/slow");
  std::string timed_out = s.eval("(http/get " + q(slow) + " {:timeout 200})");
  CHECK(timed_out.starts_with("IO error: http GET " + slow + ": "));
  CHECK(timed_out.find("timed out") != std::string::npos);  // not the server's late reply
  std::string refused = "http://127.0.0.1:" + std::to_string(sys_test::closed_port()) + "/";
  CHECK(s.eval("(http/get " + q(refused) + ")").starts_with("IO error: http GET " + refused + ": "));
  CHECK(s.eval("(http/post " + q(refused) + " \"x\")").starts_with("IO error: http POST " + refused + ": "));
  CHECK(s.eval("(http/get \"not a url\")").starts_with("IO error: http GET not a url: "));
  std::string cut = srv.url("/truncated");
  CHECK(s.eval("(http/get " + q(cut) + ")").starts_with("IO error: http GET " + cut + ": read body: "));
}

TEST_CASE("http argument errors", "[sys][http]") {
  Session s = session();
  CHECK(s.eval("(http/get)") == "Arity error: http/get expects 1 or 2 args, got 0");
  CHECK(s.eval("(http/get \"u\" {} 3)") == "Arity error: http/get expects 1 or 2 args, got 3");
  CHECK(s.eval("(http/delete)") == "Arity error: http/delete expects 1 or 2 args, got 0");
  CHECK(s.eval("(http/post \"u\")") == "Arity error: http/post expects 2 or 3 args, got 1");
  CHECK(s.eval("(http/put \"u\" 1 2 3)") == "Arity error: http/put expects 2 or 3 args, got 4");
  CHECK(s.eval("(http/request \"GET\")") == "Arity error: http/request expects 2-4 args, got 1");
  CHECK(s.eval("(http/get 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(http/post :u \"b\")") == "Type error: expected string, got keyword");
  CHECK(s.eval("(http/put nil \"b\")") == "Type error: expected string, got nil");
  CHECK(s.eval("(http/delete 'u)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(http/request :get \"u\")") == "Type error: expected string, got keyword");
  CHECK(s.eval("(http/request \"GET\" 5)") == "Type error: expected string, got int");
}
