// Path builtins (stdlib.md §5.4): string operations with the semantics of
// Rust's std::path on Unix (components, parent, file_name, extension), plus
// path/absolute, the only one that touches the file system.
#include "io_common.hpp"

#include <optional>

#include <cerrno>
#include <climits>
#include <cstdlib>

namespace sema_io {
namespace {

// One component of a path as Rust's Path::components() yields it on Unix:
// an optional root "/", an optional leading ".", then the non-empty segments
// other than "." (".." is kept). begin/end index the original text.
struct Component {
  enum Kind { Root, CurDir, ParentDir, Normal } kind;
  size_t begin, end;
};

std::vector<Component> components(std::string_view p) {
  std::vector<Component> out;
  size_t i = 0;
  if (!p.empty() && p[0] == '/') {
    out.push_back({Component::Root, 0, 1});
    i = 1;
  } else if (p.size() >= 1 && p[0] == '.' && (p.size() == 1 || p[1] == '/')) {
    out.push_back({Component::CurDir, 0, 1});
    i = 1;
  }
  while (i < p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view seg = p.substr(i, j - i);
    if (!seg.empty() && seg != ".") out.push_back({seg == ".." ? Component::ParentDir : Component::Normal, i, j});
    i = j + 1;
  }
  return out;
}

// Path::parent: everything before the last component, or nothing when the
// path is empty or only a root.
std::optional<std::string_view> parent(std::string_view p) {
  auto comps = components(p);
  if (comps.empty() || comps.back().kind == Component::Root) return std::nullopt;
  if (comps.size() == 1) return p.substr(0, 0);
  return p.substr(0, comps[comps.size() - 2].end);
}

// Path::file_name: the last component when it is a normal name.
std::optional<std::string_view> file_name(std::string_view p) {
  auto comps = components(p);
  if (comps.empty() || comps.back().kind != Component::Normal) return std::nullopt;
  return p.substr(comps.back().begin, comps.back().end - comps.back().begin);
}

// Path::extension: after the last "." of the file name, unless the only dot
// starts the name (".bashrc") or there is none.
std::optional<std::string_view> extension(std::string_view p) {
  auto name = file_name(p);
  if (!name || *name == "..") return std::nullopt;
  size_t dot = name->rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return name->substr(dot + 1);
}

Value optional_string(std::optional<std::string_view> s) { return s ? Value::string(*s) : Value::nil(); }

// PathBuf::push for each component: an absolute one replaces what came
// before; otherwise a "/" is added unless the text already ends with one.
Result<Value> path_join(sema_ctx*, Args a) {
  std::string out;
  for (size_t i = 0; i < a.size(); ++i) {
    auto part = sema::want_string(a[i]);
    if (!part) return std::unexpected(part.error());
    if (!part->empty() && part->front() == '/')
      out.clear();
    else if (!out.empty() && out.back() != '/')
      out += '/';
    out += *part;
  }
  return Value::string(out);
}

Result<Value> path_dirname(sema_ctx*, Args a) {
  auto p = sema::want_string(a[0]);
  if (!p) return std::unexpected(p.error());
  return optional_string(parent(*p));
}

Result<Value> path_basename(sema_ctx*, Args a) {
  auto p = sema::want_string(a[0]);
  if (!p) return std::unexpected(p.error());
  return optional_string(file_name(*p));
}

Result<Value> path_extension(sema_ctx*, Args a) {
  auto p = sema::want_string(a[0]);
  if (!p) return std::unexpected(p.error());
  return optional_string(extension(*p));
}

// The canonical absolute path; the path must exist.
Result<Value> path_absolute(sema_ctx* ctx, Args a) {
  if (auto ok = need(ctx, "fs-read", "path/absolute"); !ok) return std::unexpected(ok.error());
  auto p = want_path(a[0]);
  if (!p) return std::unexpected(p.error());
  char* resolved = ::realpath(p->c_str(), nullptr);
  if (!resolved) return os_fail("path/absolute", *p, errno);
  std::string out = lossy_utf8(resolved);
  std::free(resolved);
  return Value::string(out);
}

}  // namespace

void register_paths(sema::Registry& r) {
  r.add<path_join>("path/join", 1, SEMA_ARITY_VARIADIC);
  r.add<path_dirname>("path/dirname", 1, 1);
  r.add<path_basename>("path/basename", 1, 1);
  r.add<path_extension>("path/extension", 1, 1);
  r.add<path_absolute>("path/absolute", 1, 1);
}

}  // namespace sema_io
