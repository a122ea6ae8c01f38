// Which cached items to keep under a byte budget: least recently used out
// first. Plain C++ (no ImGui, no GL), so the policy of the image texture
// cache is tested on its own; the cache frees what this says to evict.
#pragma once
#include <cstddef>
#include <functional>
#include <list>
#include <unordered_map>
#include <utility>
#include <vector>

namespace el::ui {

template <class Key, class Hash = std::hash<Key>>
class LruBudget {
 public:
  explicit LruBudget(std::size_t budget_bytes) : budget_(budget_bytes) {}

  // `key` was used now and holds `bytes` (new, or a new size).
  void touch(const Key& key, std::size_t bytes) {
    if (auto it = index_.find(key); it != index_.end()) {
      bytes_ -= it->second->second;
      order_.erase(it->second);
    }
    order_.emplace_front(key, bytes);
    index_[key] = order_.begin();
    bytes_ += bytes;
  }
  // Appends to `evicted` (and forgets) least recently used keys until the
  // total fits the budget. The most recent key always stays: one item larger
  // than the whole budget is still shown.
  void trim(std::vector<Key>& evicted) {
    while (bytes_ > budget_ && order_.size() > 1) {
      const auto& [key, bytes] = order_.back();
      evicted.push_back(key);
      bytes_ -= bytes;
      index_.erase(key);
      order_.pop_back();
    }
  }
  void erase(const Key& key) {
    if (auto it = index_.find(key); it != index_.end()) {
      bytes_ -= it->second->second;
      order_.erase(it->second);
      index_.erase(it);
    }
  }
  bool contains(const Key& key) const { return index_.count(key) != 0; }
  std::size_t bytes() const { return bytes_; }
  std::size_t size() const { return order_.size(); }
  std::size_t budget() const { return budget_; }
  void set_budget(std::size_t budget_bytes) { budget_ = budget_bytes; }

 private:
  std::size_t budget_;
  std::size_t bytes_ = 0;
  std::list<std::pair<Key, std::size_t>> order_;  // most recent first
  std::unordered_map<Key, typename std::list<std::pair<Key, std::size_t>>::iterator, Hash> index_;
};

}  // namespace el::ui
