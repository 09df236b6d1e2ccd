// A tiny HTTP/1.1 server on 127.0.0.1 for the http/* tests: one thread, a
// bounded accept loop, one request per connection, canned routes.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sys_test {

struct SeenRequest {
  std::string method, path, body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string header(std::string_view name) const {
    for (auto& [k, v] : headers)
      if (k == name) return v;
    return "<none>";
  }
};

class HttpServer {
 public:
  HttpServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;  // ephemeral
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 16);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~HttpServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  std::string url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }
  SeenRequest last() {
    std::lock_guard lock(mu_);
    return seen_.empty() ? SeenRequest{} : seen_.back();
  }

 private:
  void serve() {
    // Bounded: at most 200 connections, and it stops when the test ends.
    for (int served = 0; served < 200 && !stop_;) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      ++served;
      handle(c);
      ::close(c);
    }
  }

  static bool read_more(int c, std::string& buf) {
    pollfd p{c, POLLIN, 0};
    if (::poll(&p, 1, 3000) <= 0) return false;
    char tmp[4096];
    ssize_t n = ::recv(c, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf.append(tmp, static_cast<size_t>(n));
    return true;
  }

  static void send_all(int c, std::string_view s) {
    while (!s.empty()) {
      ssize_t n = ::send(c, s.data(), s.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      s.remove_prefix(static_cast<size_t>(n));
    }
  }

  static std::string reply(int status, const std::string& reason, const std::vector<std::string>& headers,
                           const std::string& body, bool with_length = true) {
    std::string r = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nConnection: close\r\n";
    for (auto& h : headers) r += h + "\r\n";
    if (with_length) r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
  }

  void handle(int c) {
    std::string buf;
    size_t end;
    while ((end = buf.find("\r\n\r\n")) == std::string::npos)
      if (!read_more(c, buf)) return;
    SeenRequest q;
    std::string head = buf.substr(0, end);
    size_t line_end = head.find("\r\n");
    std::string first = head.substr(0, line_end);
    q.method = first.substr(0, first.find(' '));
    q.path = first.substr(q.method.size() + 1, first.rfind(' ') - q.method.size() - 1);
    size_t content_length = 0;
    for (size_t pos = line_end; pos != std::string::npos && pos < head.size();) {
      size_t next = head.find("\r\n", pos + 2);
      std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
      size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon), value = line.substr(colon + 1);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
        value.erase(0, value.find_first_not_of(' '));
        if (name == "content-length") content_length = std::stoul(value);
        q.headers.emplace_back(name, value);
      }
      pos = next;
    }
    q.body = buf.substr(end + 4);
    while (q.body.size() < content_length)
      if (!read_more(c, q.body)) break;
    {
      std::lock_guard lock(mu_);
      seen_.push_back(q);
    }
    send_all(c, respond(q));
  }

  std::string respond(const SeenRequest& q) {
    const std::string& p = q.path;
    if (p == "/hello")
      return reply(200, "OK", {"Content-Type: text/plain", "X-Custom: yes"}, q.method == "HEAD" ? "" : "hello world");
    if (p == "/echo") return reply(200, "OK", {}, q.method + " " + q.body);
    if (p == "/missing") return reply(404, "Not Found", {}, "nope");
    if (p == "/error") return reply(500, "Internal Server Error", {}, "boom");
    if (p == "/dup") return reply(200, "OK", {"X-Dup: first", "X-Dup: second", "X-Bin: caf\xc3\xa9"}, "");
    if (p == "/latin1") return reply(200, "OK", {}, "a\xff" "b");
    if (p == "/redirect") return reply(302, "Found", {"Location: /hello"}, "");
    if (p == "/slow") {
      for (int i = 0; i < 30 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return reply(200, "OK", {}, "late");
    }
    if (p == "/truncated") {
      return "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 100\r\n\r\nshort";
    }
    return reply(400, "Bad Request", {}, "unknown route");
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::vector<SeenRequest> seen_;
};

// A port with nothing listening (bound, then released).
inline int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace sys_test
