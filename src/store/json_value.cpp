#include "store/json_value.h"

#include <cctype>
#include <cstdlib>

namespace el::store {

const JsonValue* JsonValue::get(std::string_view key) const {
  if (type != Type::kObject) return nullptr;
  for (const JsonMember& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

std::string_view JsonValue::str(std::string_view key) const {
  const JsonValue* v = get(key);
  return v && v->type == Type::kString ? std::string_view(v->text) : std::string_view();
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool document(JsonValue& out, std::string& error) {
    bool ok = value(out, 0);
    if (ok) {
      space();
      if (i_ != s_.size()) ok = fail("unexpected text after the value");
    }
    if (!ok) error = "offset " + std::to_string(i_) + ": " + why_;
    return ok;
  }

 private:
  bool fail(const char* why) {
    why_ = why;
    return false;
  }
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return fail("unknown literal");
    i_ += word.size();
    return true;
  }

  bool value(JsonValue& v, int depth) {
    if (depth > 200) return fail("nested too deeply");
    space();
    if (i_ >= s_.size()) return fail("unexpected end");
    const char c = s_[i_];
    if (c == '{') return object(v, depth);
    if (c == '[') return array(v, depth);
    if (c == '"') {
      v.type = JsonValue::Type::kString;
      return string(v.text);
    }
    if (c == 't' || c == 'f') {
      v.type = JsonValue::Type::kBool;
      v.boolean = c == 't';
      return literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return literal("null");
    // Python's json writes NaN and Infinity; accept them as numbers.
    if (c == 'N' || c == 'I' || c == '-' || (c >= '0' && c <= '9')) return number(v);
    return fail("unexpected character");
  }

  bool number(JsonValue& v) {
    const std::size_t start = i_;
    if (s_.substr(i_, 3) == "NaN") {
      i_ += 3;
    } else {
      if (s_[i_] == '-') ++i_;
      if (s_.substr(i_, 8) == "Infinity") {
        i_ += 8;
      } else {
        while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                                  s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
          ++i_;
      }
    }
    v.type = JsonValue::Type::kNumber;
    v.text.assign(s_.substr(start, i_ - start));
    if (v.text.empty() || v.text == "-") return fail("bad number");
    v.number = std::strtod(v.text.c_str(), nullptr);
    return true;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(unsigned& cp) {
    if (i_ + 4 > s_.size()) return fail("bad \\u escape");
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      cp <<= 4;
      if (h >= '0' && h <= '9')
        cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f')
        cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        cp |= static_cast<unsigned>(h - 'A' + 10);
      else
        return fail("bad \\u escape");
    }
    return true;
  }

  bool string(std::string& out) {
    ++i_;  // the opening quote
    out.clear();
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) break;
      const char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {  // a surrogate pair
            i_ += 2;
            unsigned lo = 0;
            if (!hex4(lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          put_utf8(out, cp);
          break;
        }
        default: out += e;  // \" \\ \/
      }
    }
    return fail("unterminated string");
  }

  bool array(JsonValue& v, int depth) {
    v.type = JsonValue::Type::kArray;
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    while (true) {
      v.items.emplace_back();
      if (!value(v.items.back(), depth + 1)) return false;
      space();
      if (i_ >= s_.size()) return fail("unterminated array");
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') return ++i_, true;
      return fail("expected , or ]");
    }
  }

  bool object(JsonValue& v, int depth) {
    v.type = JsonValue::Type::kObject;
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    while (true) {
      space();
      if (i_ >= s_.size() || s_[i_] != '"') return fail("expected a member name");
      v.members.emplace_back();
      if (!string(v.members.back().key)) return false;
      space();
      if (i_ >= s_.size() || s_[i_] != ':') return fail("expected :");
      ++i_;
      if (!value(v.members.back().value, depth + 1)) return false;
      space();
      if (i_ >= s_.size()) return fail("unterminated object");
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') return ++i_, true;
      return fail("expected , or }");
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  const char* why_ = "";
};

void summarize(const JsonValue& v, std::string& out, std::size_t max_chars) {
  if (out.size() > max_chars) return;
  switch (v.type) {
    case JsonValue::Type::kNull: out += "null"; break;
    case JsonValue::Type::kBool: out += v.boolean ? "true" : "false"; break;
    case JsonValue::Type::kNumber: out += v.text; break;
    case JsonValue::Type::kString:
      out += '\'';
      out += v.text;
      out += '\'';
      break;
    case JsonValue::Type::kArray:
      out += '[';
      for (std::size_t i = 0; i < v.items.size() && out.size() <= max_chars; ++i) {
        if (i) out += ", ";
        summarize(v.items[i], out, max_chars);
      }
      out += ']';
      break;
    case JsonValue::Type::kObject: {
      // Keras writes {"class_name": X, "config": {...}} for initializers and the like.
      const std::string_view cls = v.str("class_name");
      if (!cls.empty() && v.get("config")) {
        out += cls;
        break;
      }
      out += '{';
      for (std::size_t i = 0; i < v.members.size() && out.size() <= max_chars; ++i) {
        if (i) out += ", ";
        out += v.members[i].key;
        out += ": ";
        summarize(v.members[i].value, out, max_chars);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

bool parse_json(std::string_view text, JsonValue& out, std::string& error) {
  out = JsonValue();
  return Parser(text).document(out, error);
}

std::string json_summary(const JsonValue& v, std::size_t max_chars) {
  std::string out;
  summarize(v, out, max_chars);
  if (out.size() > max_chars) {
    out.resize(max_chars);
    out += "\xE2\x80\xA6";
  }
  return out;
}

}  // namespace el::store
