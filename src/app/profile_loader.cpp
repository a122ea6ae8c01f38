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
  bytes_.clear();
  have_bytes_ = false;
  pushed_ = 0;
}

const ui::LoadedProfile& ProfileLoader::load(const std::string& path) {
  if (loaded_.path == path && loaded_.state != ui::ProfileState::kNone) return loaded_;
  reader_.reset();  // (it points into loaded_.trace)
  loaded_ = {};
  loaded_.path = path;
  loaded_.generation = ++generation_;
  bytes_.clear();
  have_bytes_ = false;
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
  waiting_for_ = next_ticket_++;
  io_.read_file(waiting_for_, path, 0, size->second, true);  // may answer at once
  return loaded_;
}

void ProfileLoader::arrived(std::uint64_t ticket, std::string&& bytes, const std::string& error) {
  if (ticket != waiting_for_) return;  // another profile was asked for meanwhile
  waiting_for_ = 0;
  if (!error.empty()) {
    loaded_.state = ui::ProfileState::kError;
    loaded_.error = loaded_.path + ": " + error;
    return;
  }
  bytes_ = std::move(bytes);
  have_bytes_ = true;
  loaded_.bytes_total = bytes_.size();
  if (format_ == profile::ProfileFormat::kChromeTrace)
    reader_ = std::make_unique<profile::ChromeTraceReader>(loaded_.path, loaded_.trace);
}

bool ProfileLoader::work(double budget_ms) {
  if (loaded_.state != ui::ProfileState::kLoading || !have_bytes_) return false;
  const auto until = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes_.data());
  if (format_ == profile::ProfileFormat::kXPlane) {
    profile::read_xplane(loaded_.path, {data, bytes_.size()}, loaded_.trace);
    pushed_ = bytes_.size();
  } else {
    do {
      const std::size_t n = std::min(kSlice, bytes_.size() - pushed_);
      reader_->push({data + pushed_, n});
      pushed_ += n;
    } while (pushed_ < bytes_.size() && Clock::now() < until);
  }
  loaded_.bytes_done = pushed_;
  if (pushed_ == bytes_.size()) finish();
  return true;
}

void ProfileLoader::finish() {
  if (reader_) reader_->finish();
  reader_.reset();
  std::string().swap(bytes_);  // the file is not needed any more
  have_bytes_ = false;
  loaded_.timeline = std::make_unique<profile::Timeline>(loaded_.trace);
  loaded_.marks = std::make_unique<profile::TraceMarks>(loaded_.trace, *loaded_.timeline);
  loaded_.state = ui::ProfileState::kReady;
  loaded_.load_ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
}

}  // namespace el::app
