// Keys of the media cache. A read fetches one record of one tag (file,
// offset, tag); the cache holds one entry per sample of it. Plain structs
// hashed field by field, so no key is ever printed and parsed back.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace el::app {

// One record's value for one tag: what one read of the platform returns.
struct RecordKey {
  store::FileId file = 0;
  std::uint64_t offset = 0;
  std::string tag;  // a record may hold several tags of one kind (images of two cameras)
  bool operator==(const RecordKey&) const = default;
};

// One sample (image or clip) of one record's value; PR curves and graphs have sample 0 only.
struct MediaKey {
  RecordKey record;
  std::uint32_t sample = 0;
  bool operator==(const MediaKey&) const = default;
};

inline RecordKey record_key(const store::BlobRef& ref, std::string_view tag) {
  return {ref.file, ref.offset, std::string(tag)};
}

struct RecordKeyHash {
  std::size_t operator()(const RecordKey& k) const {
    // Offsets differ between records of one file and files differ in their
    // first records: mixing the two with the tag's hash spreads them well.
    std::size_t h = std::hash<std::uint64_t>()(k.offset);
    h ^= std::hash<std::uint64_t>()(k.file) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= std::hash<std::string>()(k.tag) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
  }
};

struct MediaKeyHash {
  std::size_t operator()(const MediaKey& k) const {
    const std::size_t h = RecordKeyHash()(k.record);
    return h ^ (std::hash<std::uint32_t>()(k.sample) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2));
  }
};

}  // namespace el::app
