#include "app/profile_loader.h"

#include <algorithm>

#include "profile/xplane_reader.h"

namespace el::app {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kSlice = 1u << 20;  // bytes given to the reader at a time

}  // namespace

void ProfileLoader::add_file(const std::string& path, std::uint64_t size) {
  const std::size_t slash = path.rfind('/');
  if (!profile::is_profile_file(slash == std::string::npos ? path : path.substr(slash + 1))) return;
  sizes_[path] = size;
  std::vector<std::string> paths;
  for (const auto& [p, s] : sizes_) paths.push_back(p);
  profiles_ = profile::find_profiles(paths);
}

void ProfileLoader::clear() {
  reader_.reset();
  sizes_.clear();
  profiles_.clear();
  loaded_ = {};
  waiting_for_ = 0;
  asked_to_ = 0;
  chunks_.clear();
  pushed_ = 0;
}

const ui::LoadedProfile& ProfileLoader::load(const std::string& path) {
  if (loaded_.path == path && loaded_.state != ui::ProfileState::kNone) return loaded_;
  reader_.reset();  // (it points into loaded_.trace)
  loaded_ = {};
  loaded_.path = path;
  loaded_.generation = ++generation_;
  waiting_for_ = 0;
  asked_to_ = 0;
  chunks_.clear();
  pushed_ = 0;
  const auto size = sizes_.find(path);
  auto known = std::find_if(profiles_.begin(), profiles_.end(),
                            [&](const profile::ProfileFile& f) { return f.path == path; });
  if (size == sizes_.end() || known == profiles_.end()) {
    loaded_.state = ui::ProfileState::kError;
    loaded_.error = path + ": not a profile among the opened files";
    return loaded_;
  }
  format_ = known->format;
  loaded_.state = ui::ProfileState::kLoading;
  loaded_.bytes_total = size->second;
  started_ = Clock::now();
  starved_since_.reset();
  if (format_ == profile::ProfileFormat::kChromeTrace) {
    reader_ = std::make_unique<profile::ChromeTraceReader>(loaded_.path, loaded_.trace);
    ask_next();  // may answer at once
  } else {
    waiting_for_ = next_ticket_++;
    asked_to_ = size->second;
    io_.read_file(waiting_for_, path, 0, size->second, true);  // may answer at once
  }
  return loaded_;
}

void ProfileLoader::ask_next() {
  if (waiting_for_ || chunks_.size() >= 2 || asked_to_ >= loaded_.bytes_total) return;
  const std::uint64_t n = std::min<std::uint64_t>(chunk_, loaded_.bytes_total - asked_to_);
  const std::uint64_t at = asked_to_;
  asked_to_ += n;
  asked_size_ = n;
  waiting_for_ = next_ticket_++;
  io_.read_file(waiting_for_, loaded_.path, at, n, false);
}

void ProfileLoader::fail(const std::string& error) {
  waiting_for_ = 0;
  chunks_.clear();
  if (reader_ && loaded_.bytes_done > 0) {  // keep what was read: the trace up to here, and why it stops
    loaded_.trace.problems.push_back(loaded_.path + ": stopped reading at byte " +
                                     std::to_string(loaded_.bytes_done) + ": " + error);
    asked_to_ = loaded_.bytes_total = loaded_.bytes_done;
    finish();
    return;
  }
  reader_.reset();
  loaded_.state = ui::ProfileState::kError;
  loaded_.error = loaded_.path + ": " + error;
}

void ProfileLoader::arrived(std::uint64_t ticket, std::string&& bytes, const std::string& error) {
  if (ticket != waiting_for_ || loaded_.state != ui::ProfileState::kLoading) return;  // no longer wanted
  waiting_for_ = 0;
  if (starved_since_) {
    loaded_.wait_ms += std::chrono::duration<double, std::milli>(Clock::now() - *starved_since_).count();
    starved_since_.reset();
  }
  if (!error.empty()) return fail(error);
  if (format_ == profile::ProfileFormat::kXPlane) {
    loaded_.bytes_total = bytes.size();
  } else if (bytes.size() < asked_size_) {  // it shrank since it was opened: read what is there, and say so
    asked_to_ = loaded_.bytes_total = asked_to_ - asked_size_ + bytes.size();
    loaded_.trace.problems.push_back(loaded_.path + ": the file ends at byte " + std::to_string(asked_to_) +
                                     ", before the size it had when it was opened");
  } else if (bytes.size() > asked_size_) {
    bytes.resize(asked_size_);
  }
  chunks_.push_back(std::move(bytes));
  ask_next();  // read ahead while this one is parsed
}

bool ProfileLoader::work(double budget_ms) {
  if (loaded_.state != ui::ProfileState::kLoading) return false;
  if (chunks_.empty()) {  // an empty trace, or a file that shrank to nothing: done; else waiting for bytes
    if (format_ != profile::ProfileFormat::kChromeTrace || waiting_for_ || asked_to_ < loaded_.bytes_total) {
      if (!starved_since_) starved_since_ = Clock::now();
      return false;
    }
    finish();
    return true;
  }
  const auto until = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
  if (format_ == profile::ProfileFormat::kXPlane) {
    const std::string& file = chunks_.front();
    profile::read_xplane(loaded_.path, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()},
                         loaded_.trace);
    loaded_.bytes_done = file.size();
    chunks_.clear();
    finish();
    return true;
  }
  const auto began = Clock::now();
  do {
    const std::string& chunk = chunks_.front();
    const std::size_t n = std::min(kSlice, chunk.size() - pushed_);
    reader_->push({reinterpret_cast<const std::uint8_t*>(chunk.data()) + pushed_, n});
    pushed_ += n;
    loaded_.bytes_done += n;
    if (pushed_ == chunk.size()) {
      chunks_.pop_front();
      pushed_ = 0;
      ask_next();
    }
  } while (!chunks_.empty() && Clock::now() < until);
  loaded_.parse_ms += std::chrono::duration<double, std::milli>(Clock::now() - began).count();
  if (chunks_.empty() && !waiting_for_ && asked_to_ >= loaded_.bytes_total) finish();
  return true;
}

void ProfileLoader::finish() {
  const auto began = Clock::now();
  if (reader_) reader_->finish();
  reader_.reset();
  chunks_.clear();
  loaded_.timeline = std::make_unique<profile::Timeline>(loaded_.trace);
  loaded_.marks = std::make_unique<profile::TraceMarks>(loaded_.trace, *loaded_.timeline);
  loaded_.state = ui::ProfileState::kReady;
  loaded_.index_ms = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
  loaded_.load_ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
}

}  // namespace el::app
