// CSV (stdlib.md §5.6) in the dialect of Rust's csv crate defaults: ","
// delimiter, '"' quotes with "" as an escaped quote, quoted fields may hold
// delimiters and newlines, records end at "\n", "\r" or "\r\n", blank lines
// are skipped, and every record must have the first record's field count.
// Error texts follow the crate's Display ("CSV error: record N (line: L,
// byte: B): found record with X fields, but the previous record has Y fields").
#include "io_common.hpp"

#include <optional>

namespace sema_io {
namespace {

using sema::api;

struct Record {
  std::vector<std::string> fields;
  size_t index = 0;  // 0-based record number (the header included)
  size_t line = 1;   // 1-based line where reading of the record began
  size_t byte = 0;   // byte offset where reading of the record began
};

// A pull parser over the whole text; next() yields one record at a time.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : s_(text) {}

  bool next(Record& rec) {
    rec.fields.clear();
    rec.index = count_;
    rec.line = line_;
    rec.byte = pos_;
    // After a "\r" terminator, a following "\n" belongs to it.
    if (after_cr_ && pos_ < s_.size() && s_[pos_] == '\n') take();
    after_cr_ = false;
    while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r')) take();  // blank lines
    if (pos_ >= s_.size()) return false;
    std::string field;
    for (;;) {
      read_field(field);
      rec.fields.push_back(std::move(field));
      field.clear();
      if (pos_ >= s_.size()) break;
      char c = take();
      if (c == ',') continue;  // a trailing "," yields one more, empty, field
      after_cr_ = c == '\r';  // the terminator of this record
      break;
    }
    ++count_;
    return true;
  }

 private:
  char take() {
    char c = s_[pos_++];
    if (c == '\n') ++line_;
    return c;
  }

  // Reads one field up to (not including) its delimiter or terminator.
  void read_field(std::string& out) {
    if (pos_ < s_.size() && s_[pos_] == '"') {
      take();
      for (;;) {
        if (pos_ >= s_.size()) return;  // an unterminated quote ends at the input's end
        char c = take();
        if (c != '"') {
          out += c;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == '"') {
          take();
          out += '"';
          continue;
        }
        break;  // closing quote; anything up to the delimiter is kept literally
      }
    }
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == ',' || c == '\n' || c == '\r') return;
      out += take();
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t count_ = 0;
  bool after_cr_ = false;
};

std::string unequal(const Record& r, size_t expected) {
  return "CSV error: record " + std::to_string(r.index) + " (line: " + std::to_string(r.line) +
         ", byte: " + std::to_string(r.byte) + "): found record with " + std::to_string(r.fields.size()) +
         " fields, but the previous record has " + std::to_string(expected) + " fields";
}

Value strings_list(const std::vector<std::string>& fields) {
  std::vector<sema_value> items;
  items.reserve(fields.size());
  for (const auto& f : fields) items.push_back(api->make_string(f.data(), f.size()));
  return Value::own(api->make_list(items.data(), items.size()));
}

Result<Value> csv_parse(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  CsvReader reader(*text);
  Record rec;
  std::vector<sema_value> rows;
  auto drop_rows = [&] {
    for (sema_value v : rows) sema::release(v);
  };
  size_t width = 0;
  while (reader.next(rec)) {
    if (rec.index == 0) width = rec.fields.size();
    if (rec.fields.size() != width) {
      drop_rows();
      return sema::eval_error("csv/parse: " + unequal(rec, width));
    }
    rows.push_back(strings_list(rec.fields).release());
  }
  return Value::own(api->make_list(rows.data(), rows.size()));
}

// The first record is the header; later records become maps keyed by
// keywords of the raw header text (a duplicate header: the later column wins).
Result<Value> csv_parse_maps(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  CsvReader reader(*text);
  Record rec;
  if (!reader.next(rec)) return Value::list({});
  std::vector<Value> header;
  for (const auto& h : rec.fields) header.push_back(keyword(h));
  std::vector<Value> rows;
  while (reader.next(rec)) {
    if (rec.fields.size() != header.size())
      return sema::eval_error("csv/parse-maps: " + unequal(rec, header.size()));
    Value m = Value::own(api->make_map());
    for (size_t i = 0; i < header.size(); ++i) {
      Value field = Value::string(rec.fields[i]);
      m = Value::own(api->map_assoc(m.release(), header[i].get(), field.get()));
    }
    rows.push_back(std::move(m));
  }
  return list_of(std::move(rows));
}

// Quotes a field only when it holds a delimiter, quote or line break.
void append_field(std::string& out, std::string_view f) {
  if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += f;
    return;
  }
  out += '"';
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

Result<Value> csv_encode(sema_ctx*, Args a) {
  if (!sema::is_obj(a[0], SEMA_T_LIST)) return sema::type_error("list", a[0]);
  sema::Seq rows(a[0]);
  std::string out;
  std::optional<size_t> width;
  for (size_t r = 0; r < rows.size(); ++r) {
    if (!sema::is_seq(rows[r])) return sema::type_error("list", rows[r]);
    sema::Seq fields(rows[r]);
    if (width && *width != fields.size())
      return sema::eval_error("csv/encode: CSV error: found record with " + std::to_string(fields.size()) +
                              " fields, but the previous record has " + std::to_string(*width) + " fields");
    width = fields.size();
    if (fields.size() == 1 && sema::to_text(fields[0], true).empty()) {
      out += "\"\"\n";  // a lone empty field is quoted so the record is not a blank line
      continue;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      append_field(out, sema::to_text(fields[i], true));
    }
    out += '\n';
  }
  return Value::string(out);
}

}  // namespace

void register_csv(sema::Registry& r) {
  r.add<csv_parse>("csv/parse", 1, 1);
  r.add<csv_parse_maps>("csv/parse-maps", 1, 1);
  r.add<csv_encode>("csv/encode", 1, 1);
}

}  // namespace sema_io
