// fastio plugin: the stats update `(assoc acc name {:min (min temp (get
// existing :min)) …})` as one step (mini_run.cpp, run_rec). It may only
// overwrite the entry's old map when that is the map `existing` names and
// nothing else can see it; every other case runs the general path. Each
// program runs with fastio and with plain io (Both, with math for min and
// max); values, errors and traces must agree.
#include "fastio_test.hpp"

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

namespace {

const char* kLines = "a;1.5\nb;2.0\na;-3.25\na;4.0\nb;5.5\nc;6.0\na;7.0\nc;-0.0\nc;0.0\n";
const char* kWant =
    "{\"a\" {:count 4 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 2 :max 5.5 :min 2.0 :sum 7.5}"
    " \"c\" {:count 3 :max 6.0 :min -0.0 :sum 6.0}}";

// 1BRC's callback; `before` runs ahead of the update, `bind` adds let*
// bindings after `existing`, `num` wraps the parsed number, `get_m` is how
// `existing` is found.
struct Step {
  std::string before, bind, num = "(float (string->number (nth parts 1)))", get_m = "(get acc name)", extra;
  std::string text() const {
    return "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (temp " + num +
           ") (existing " + get_m + ")" + bind + ")"
           " (if (nil? existing) (assoc acc name {:min temp :max temp :sum temp :count 1" + extra + "})"
           " (begin " + before + " (assoc acc name {:min (min temp (get existing :min)) :max (max temp (get existing :max))"
           " :sum (+ temp (get existing :sum)) :count (+ 1 (get existing :count))" + extra + "})))))";
  }
};

std::string fold(const std::string& path, const Step& s, const std::string& init = "(hashmap/new)") {
  return "(file/fold-lines " + path + " " + s.text() + " " + init + ")";
}

std::string as_map(const std::string& hashmap) { return "(hashmap/to-map " + hashmap + ")"; }

}  // namespace

TEST_CASE("stats update: the results of the general path", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  CHECK(b.eval(as_map(fold(p, {}))) == kWant);
  // a sorted map as the accumulator
  CHECK(b.eval(fold(p, {}, "{}")) == kWant);
  // ints: (float …) left out
  Step ints;
  ints.num = "(string->number (nth parts 1))";
  std::string pi = q(f.write("i.txt", "a;1\nb;2\na;-3\na;4\nb;5\n"));
  CHECK(b.eval(as_map(fold(pi, ints))) == "{\"a\" {:count 3 :max 4 :min -3 :sum 2} \"b\" {:count 2 :max 5 :min 2 :sum 7}}");
  // ints and floats mixed (number_intrinsic2 declines; the builtins decide)
  std::string pm = q(f.write("mix.txt", "a;1\na;2.5\na;-3\na;0.5\n"));
  CHECK(b.eval(as_map(fold(pm, ints))) == "{\"a\" {:count 4 :max 2.5 :min -3 :sum 1.0}}");
  // the same callback value run again, and the whole fold twice in a row
  b.eval("(define cb " + Step{}.text() + ")");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " cb (file/fold-lines " + p + " cb (hashmap/new))))") ==
        "{\"a\" {:count 8 :max 7.0 :min -3.25 :sum 18.5} \"b\" {:count 4 :max 5.5 :min 2.0 :sum 15.0}"
        " \"c\" {:count 6 :max 6.0 :min -0.0 :sum 12.0}}");
}

TEST_CASE("stats update: a stats map held elsewhere is not changed", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // every old map kept in a list
  b.eval("(define kept '()) (define (keep! m) (set! kept (cons m kept)) m)");
  Step keep;
  keep.before = "(keep! existing)";
  CHECK(b.eval(as_map(fold(p, keep))) == kWant);
  CHECK(b.eval("(map (fn (m) (get m :count)) kept)") == "(2 1 3 1 2 1)");
  CHECK(b.eval("(map (fn (m) (get m :sum)) kept)") == "(6.0 6.0 2.25 2.0 -1.75 1.5)");
  // held by a second variable of the let* (never read: it stays bound)
  Step alias;
  alias.bind = " (alias existing)";
  CHECK(b.eval(as_map(fold(p, alias))) == kWant);
  // one map under two keys of the accumulator, and in a global
  b.eval("(define shared {:min 0.0 :max 0.0 :sum 0.0 :count 10})");
  CHECK(b.eval(as_map(fold(p, {}, "(hashmap/new \"a\" shared \"b\" shared)"))) ==
        "{\"a\" {:count 14 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 12 :max 5.5 :min 0.0 :sum 7.5}"
        " \"c\" {:count 3 :max 6.0 :min -0.0 :sum 6.0}}");
  CHECK(b.eval("shared") == "{:count 10 :max 0.0 :min 0.0 :sum 0.0}");
  // the accumulator kept elsewhere: each snapshot keeps its entries
  b.eval("(define snaps '()) (define (snap! h) (set! snaps (cons h snaps)) 0)");
  Step snap;
  snap.before = "(snap! acc)";
  CHECK(b.eval(as_map(fold(p, snap))) == kWant);
  CHECK(b.eval("(map (fn (h) (get (get h \"a\") :count)) snaps)") == "(4 4 3 3 2 1)");
}

TEST_CASE("stats update: the old map read after the update", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  b.eval("(define seen '()) (define (note! m) (set! seen (cons (get m :count) seen)) m)");
  const std::string cb =
      "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts))"
      " (temp (float (string->number (nth parts 1)))) (existing (get acc name)))"
      " (if (nil? existing) (assoc acc name {:min temp :max temp :sum temp :count 1})"
      " (let ((r (assoc acc name {:min (min temp (get existing :min)) :max (max temp (get existing :max))"
      " :sum (+ temp (get existing :sum)) :count (+ 1 (get existing :count))})))"
      " (begin (note! existing) r)))))";
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + cb + " (hashmap/new)))") == kWant);
  CHECK(b.eval("seen") == "(2 1 3 1 2 1)");
}

TEST_CASE("stats update: other keys, other values, non-numbers", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // an old map with one key more, with other keys of the same count
  CHECK(b.eval(as_map(fold(p, {}, "(hashmap/new \"a\" {:min 0.0 :max 0.0 :sum 0.0 :count 0 :x 1})"))) ==
        "{\"a\" {:count 4 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 2 :max 5.5 :min 2.0 :sum 7.5}"
        " \"c\" {:count 3 :max 6.0 :min -0.0 :sum 6.0}}");
  CHECK(b.eval(as_map(fold(p, {}, "(hashmap/new \"b\" {:min 0.0 :max 0.0 :sum 0.0 :n 0})"))) ==
        "Type error: expected number, got nil");
  // one key fewer (:count missing): +'s own error, the same trace
  CHECK(b.eval(fold(p, {}, "(hashmap/new \"a\" {:min 0.0 :max 0.0 :sum 0.0})")) == "Type error: expected number, got nil");
  // an entry that is not a number
  CHECK(b.eval(fold(p, {}, "(hashmap/new \"a\" {:min 0.0 :max \"x\" :sum 0.0 :count 0})")) ==
        b.eval("(max 1.5 \"x\")"));
  CHECK(b.eval(fold(p, {}, "{\"c\" {:min 0.0 :max 0.0 :sum 0.0 :count 'x}}")) == b.eval("(+ 1 'x)"));
  // an entry that is not a map, or a hashmap
  CHECK(b.eval(fold(p, {}, "(hashmap/new \"b\" 5)")).starts_with("Type error"));
  CHECK(b.eval(as_map(fold(p, {}, "(hashmap/new \"b\" (hashmap/new :min 0.0 :max 0.0 :sum 0.0 :count 0))"))) ==
        "{\"a\" {:count 4 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 2 :max 5.5 :min 0.0 :sum 7.5}"
        " \"c\" {:count 3 :max 6.0 :min -0.0 :sum 6.0}}");
  // literal values that are constants and variable reads (moved and borrowed)
  const std::string vals =
      "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (old (get acc \"all\")))"
      " (if (nil? old) (assoc acc \"all\" {:n 1 :tag \"t\" :line line :who name})"
      " (let ((r (assoc acc \"all\" {:n (+ 1 (get old :n)) :tag \"t\" :line line :who name}))) (begin (string-length name) r)))))";
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + vals + " (hashmap/new)))") ==
        "{\"all\" {:line \"c;0.0\" :n 9 :tag \"t\" :who \"c\"}}");
  CHECK(b.eval("(file/fold-lines " + p + " " + vals + " {})") == "{\"all\" {:line \"c;0.0\" :n 9 :tag \"t\" :who \"c\"}}");
  // a get of a key the literal does not have, and of two maps
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc line) (let* ((k (first (string/split line \";\"))) (old (get acc k)))"
               " (if (nil? old) (assoc acc k {:n 1 :m 5}) (assoc acc k {:n (+ 1 (get old :m)) :m (+ 1 (get old :n))})))) {})") ==
        "{\"a\" {:m 4 :n 8} \"b\" {:m 2 :n 6} \"c\" {:m 7 :n 3}}");
}

TEST_CASE("stats update: the old map not the entry's", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // existing is another hashmap's entry: the accumulator's own entry takes
  // the values, the other one keeps its map
  b.eval("(define other (hashmap/new \"a\" {:min 0.0 :max 0.0 :sum 100.0 :count 100}"
         " \"b\" {:min 0.0 :max 0.0 :sum 200.0 :count 200} \"c\" {:min 0.0 :max 0.0 :sum 300.0 :count 300}))");
  Step s;
  s.get_m = "(get other name)";
  CHECK(b.eval(as_map(fold(p, s, "(hashmap/new \"a\" {:min 9.0 :max 9.0 :sum 9.0 :count 9} \"b\" {:min 9.0 :max 9.0 :sum 9.0 :count 9}"
                                    " \"c\" {:min 9.0 :max 9.0 :sum 9.0 :count 9})"))) ==
        "{\"a\" {:count 101 :max 7.0 :min 0.0 :sum 107.0} \"b\" {:count 201 :max 5.5 :min 0.0 :sum 205.5}"
        " \"c\" {:count 301 :max 0.0 :min 0.0 :sum 300.0}}");
  CHECK(b.eval("(hashmap/to-map other)") ==
        "{\"a\" {:count 100 :max 0.0 :min 0.0 :sum 100.0} \"b\" {:count 200 :max 0.0 :min 0.0 :sum 200.0}"
        " \"c\" {:count 300 :max 0.0 :min 0.0 :sum 300.0}}");
  // the entry of another key of the same accumulator
  Step first_key;
  first_key.get_m = "(get acc \"a\")";
  CHECK(b.eval(as_map(fold(p, first_key, "(hashmap/new \"a\" {:min 0.0 :max 0.0 :sum 0.0 :count 0})"))) ==
        "{\"a\" {:count 4 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 4 :max 5.5 :min -3.25 :sum 7.75}"
        " \"c\" {:count 5 :max 7.0 :min -3.25 :sum 9.25}}");
}

TEST_CASE("stats update: builtins rebound while the stream runs", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  b.eval("(define saved-min min) (define saved-plus +) (define saved-get get) (define saved-assoc assoc)");
  // each rebound on the fourth line, by a procedure the callback calls (a
  // set! in the callback itself would leave it to the evaluator)
  b.eval("(define (rebind-min!) (set! min (fn (x y) -100.0)))"
         " (define (rebind-plus!) (set! + (fn (x y) (saved-plus x y 1000))))"
         " (define (rebind-get!) (set! get (fn (m k) (if (= k :count) 50 (saved-get m k)))))"
         " (define (rebind-assoc!) (set! assoc (fn (m k x) (saved-assoc m k (saved-assoc x :rebound #t)))))");
  for (const char* rebind : {"(rebind-min!)", "(rebind-plus!)", "(rebind-get!)", "(rebind-assoc!)"}) {
    Step s;
    s.before = std::string("(if (= line \"a;4.0\") ") + rebind + " nil)";
    std::string got = b.eval(as_map(fold(p, s)));
    b.eval("(set! min saved-min) (set! + saved-plus) (set! get saved-get) (set! assoc saved-assoc)");
    CHECK(got != kWant);
    CHECK(b.eval(as_map(fold(p, {}))) == kWant);
  }
}

TEST_CASE("stats update: ints past the immediates", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // 2^47 - 1 twice: the sum is a big int, which number_intrinsic2 declines
  std::string p = q(f.write("big.txt", "a;140737488355327\na;140737488355327\na;1\na;-140737488355327\n"));
  Step ints;
  ints.num = "(string->number (nth parts 1))";
  CHECK(b.eval(as_map(fold(p, ints))) ==
        "{\"a\" {:count 4 :max 140737488355327 :min -140737488355327 :sum 140737488355328}}");
  CHECK(b.eval(fold(p, ints, "{}")) == "{\"a\" {:count 4 :max 140737488355327 :min -140737488355327 :sum 140737488355328}}");
}

TEST_CASE("stats update: each kind of value and what it declines", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // a count that is a float (+ of a constant int: only an int entry is
  // added in place), and one at the last immediate int
  CHECK(b.eval(as_map(fold(p, {}, "(hashmap/new \"b\" {:min 9.0 :max 0.0 :sum 0.5 :count 2.5})"))) ==
        "{\"a\" {:count 4 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 4.5 :max 5.5 :min 2.0 :sum 8.0}"
        " \"c\" {:count 3 :max 6.0 :min -0.0 :sum 6.0}}");
  CHECK(b.eval(as_map(fold(p, {}, "(hashmap/new \"c\" {:min 9.0 :max 0.0 :sum 0.0 :count 140737488355326})"))) ==
        "{\"a\" {:count 4 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 2 :max 5.5 :min 2.0 :sum 7.5}"
        " \"c\" {:count 140737488355329 :max 6.0 :min -0.0 :sum 6.0}}");
  // ops other than min, max and + (number_intrinsic2), a float constant
  // operand, an int operand for min and max, mixed with floats
  const std::string ops =
      "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts))"
      " (t (float (string->number (nth parts 1)))) (old (get acc name)))"
      " (if (nil? old) (assoc acc name {:p t :d t :h 0.0 :lo 0 :hi 0 :lt #f})"
      " (assoc acc name {:p (* t (get old :p)) :d (- t (get old :d)) :h (+ 0.5 (get old :h))"
      " :lo (min 3 (get old :lo)) :hi (max 3 (get old :hi)) :lt (< t (get old :d))}))))";
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + ops + " (hashmap/new)))") ==
        "{\"a\" {:d -1.75 :h 1.5 :hi 3 :lo 0 :lt #t :p -136.5} \"b\" {:d 3.5 :h 0.5 :hi 3 :lo 0 :lt #f :p 11.0}"
        " \"c\" {:d 6.0 :h 1.0 :hi 3 :lo 0 :lt #f :p -0.0}}");
  // :lo 5.5 against the int 3: min of mixed kinds is left to the builtin
  CHECK(b.eval("(get (file/fold-lines " + p + " " + ops + " (hashmap/new \"a\" {:p 1.0 :d 1.0 :h 0.0 :lo 5.5 :hi 0 :lt #f})) \"a\")") ==
        "{:d -0.75 :h 2.0 :hi 3 :lo 3 :lt #t :p -136.5}");
}

TEST_CASE("stats update: globals redefined between and within rows (the epoch)", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  b.eval("(define saved-min min) (define saved-max max) (define saved-get get) (define saved-assoc assoc)"
         " (define saved-plus +) (define cb " + Step{}.text() + ")");
  // a fold that checked the cells, then a redefinition (define, not set!)
  // between folds: the same callback must see it
  CHECK(b.eval(as_map("(file/fold-lines " + p + " cb (hashmap/new))")) == kWant);
  b.eval("(define max (fn (x y) 99.0))");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " cb (hashmap/new))")) ==
        "{\"a\" {:count 4 :max 99.0 :min -3.25 :sum 9.25} \"b\" {:count 2 :max 99.0 :min 2.0 :sum 7.5}"
        " \"c\" {:count 3 :max 99.0 :min -0.0 :sum 6.0}}");
  b.eval("(define max saved-max)");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " cb (hashmap/new))")) == kWant);
  // rebound and put back on every row (the epoch moves, the cells hold)
  Step flip;
  flip.before = "(set! min saved-min)";
  CHECK(b.eval(as_map(fold(p, flip))) == kWant);
  // max rebound in the middle of a row, after its step checked the cells
  // on earlier rows, by a procedure the callback calls
  b.eval("(define (rebind-max!) (set! max (fn (x y) -1.0)))");
  Step mid;
  mid.before = "(if (= line \"b;5.5\") (rebind-max!) nil)";
  std::string got = b.eval(as_map(fold(p, mid)));
  b.eval("(set! max saved-max)");
  CHECK(got == "{\"a\" {:count 4 :max -1.0 :min -3.25 :sum 9.25} \"b\" {:count 2 :max -1.0 :min 2.0 :sum 7.5}"
               " \"c\" {:count 3 :max -1.0 :min -0.0 :sum 6.0}}");
  // each of the step's builtins rebound between two folds of one callback,
  // then put back
  const std::pair<const char*, const char*> wraps[] = {{"min", "(fn (x y) (saved-min x y))"},
                                                      {"max", "(fn (x y) (saved-max x y))"},
                                                      {"get", "(fn (m k) (saved-get m k))"},
                                                      {"assoc", "(fn (m k v) (saved-assoc m k v))"},
                                                      {"+", "(fn (x y) (saved-plus x y))"}};
  for (auto [name, wrap] : wraps) {
    std::string n = name;
    std::string saved = n == "+" ? "saved-plus" : "saved-" + n;
    b.eval("(set! " + n + " " + wrap + ")");
    CHECK(b.eval(as_map("(file/fold-lines " + p + " cb (hashmap/new))")) == kWant);
    b.eval("(set! " + n + " " + saved + ")");
    CHECK(b.eval(as_map("(file/fold-lines " + p + " cb (hashmap/new))")) == kWant);
  }
}

TEST_CASE("stats update: the straight-line shapes", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  auto cb = [](const std::string& first, const std::string& update) {
    return "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts))"
           " (t (float (string->number (nth parts 1)))) (old (get acc name)))"
           " (if (nil? old) (assoc acc name " + first + ") (assoc acc name " + update + "))))";
  };
  const std::string mm = cb("{:min t :max t}", "{:min (min t (get old :min)) :max (max t (get old :max))}");
  const std::string mms = cb("{:min t :max t :sum t}",
                             "{:min (min t (get old :min)) :max (max t (get old :max)) :sum (+ t (get old :sum))}");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " " + mm + " (hashmap/new))")) ==
        "{\"a\" {:max 7.0 :min -3.25} \"b\" {:max 5.5 :min 2.0} \"c\" {:max 6.0 :min -0.0}}");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " " + mms + " (hashmap/new))")) ==
        "{\"a\" {:max 7.0 :min -3.25 :sum 9.25} \"b\" {:max 5.5 :min 2.0 :sum 7.5} \"c\" {:max 6.0 :min -0.0 :sum 6.0}}");
  // the order of the literal's keys other than the sorted one, and the
  // other order of min and max (the general loop)
  const std::string rev = cb("{:max t :min t}", "{:max (max t (get old :max)) :min (min t (get old :min))}");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " " + rev + " (hashmap/new))")) ==
        "{\"a\" {:max 7.0 :min -3.25} \"b\" {:max 5.5 :min 2.0} \"c\" {:max 6.0 :min -0.0}}");
  // Old maps that the entry alone holds (made by the first row's literal:
  // a constant map is held by its node too, and run_rec declines it):
  // a value that declines in the last part (a string under :sum): nothing
  // of the first ones stays
  const std::string str_sum = cb("{:min t :max t :sum name}", "{:min (min t (get old :min)) :max (max t (get old :max))"
                                                            " :sum (+ t (get old :sum))}");
  CHECK(b.eval("(file/fold-lines " + p + " " + str_sum + " (hashmap/new))") == b.eval("(+ -3.25 \"a\")"));
  // int old values against float temperatures (mixed kinds: the builtins)
  const std::string int_old = cb("{:min (string-length name) :max (string-length name) :sum (string-length name)}",
                                 "{:min (min t (get old :min)) :max (max t (get old :max)) :sum (+ t (get old :sum))}");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " " + int_old + " (hashmap/new))")) ==
        "{\"a\" {:max 7.0 :min -3.25 :sum 8.75} \"b\" {:max 5.5 :min 1 :sum 6.5} \"c\" {:max 1 :min -0.0 :sum 1.0}}");
  // an old map of the same size with another key (all floats): each value
  // is read by its index, so the key check is what refuses it
  const std::string other_key = cb("{:min t :max t :zz t}", "{:min (min t (get old :min)) :max (max t (get old :max))"
                                                           " :sum (+ t (get old :sum))}");
  CHECK(b.eval("(file/fold-lines " + p + " " + other_key + " (hashmap/new))") == "Type error: expected number, got nil");
  // the same with the count: a float where the count is
  const std::string float_count =
      cb("{:min t :max t :sum t :count t}", "{:min (min t (get old :min)) :max (max t (get old :max))"
                                            " :sum (+ t (get old :sum)) :count (+ 1 (get old :count))}");
  CHECK(b.eval(as_map("(file/fold-lines " + p + " " + float_count + " (hashmap/new))")) ==
        "{\"a\" {:count 4.5 :max 7.0 :min -3.25 :sum 9.25} \"b\" {:count 3.0 :max 5.5 :min 2.0 :sum 7.5}"
        " \"c\" {:count 8.0 :max 6.0 :min -0.0 :sum 6.0}}");
  // NaN: min and max keep whichever the builtins keep
  std::string pn = q(f.write("nan.txt", "a;1.0\na;nan\na;2.0\nb;nan\nb;-1.0\n"));
  Step nan;
  nan.num = "(let ((s (nth parts 1))) (if (= s \"nan\") (/ 0.0 0.0) (float (string->number s))))";
  std::string want = b.eval(as_map(fold(pn, nan)));
  CHECK(!want.empty());
}
