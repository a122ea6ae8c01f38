// The Profile dashboard's files: the profiles among the non-event files the
// platform announced, and the loading of the one being looked at. The file is
// read through the platform (at once on the desktop, later in the page) and
// parsed a slice per frame (work(): a 35 MB trace does not freeze the page,
// and the dashboard shows progress), then indexed (profile::Timeline,
// profile::TraceMarks). A Chrome trace is read in chunks, the next one asked
// for while this one is parsed, so a 700 MB trace never sits whole in memory
// (the reader inflates gzip and splits events as bytes come); an xplane is
// read whole (its planes are length-delimited). No GL here: tested natively.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/embedding_loader.h"  // FileReadIo
#include "profile/chrome_trace_reader.h"
#include "ui/profile_provider.h"

namespace el::app {

class ProfileLoader final : public ui::ProfileProvider {
 public:
  // Its reads' tickets (the Projector's count up from 1), so the platform's
  // answers can be told apart. Tickets cross into JS as doubles: below 2^53 they stay exact.
  static constexpr std::uint64_t kFirstTicket = std::uint64_t{1} << 48;
  static bool owns(std::uint64_t ticket) { return ticket >= kFirstTicket; }

  static constexpr std::size_t kChunk = std::size_t{16} << 20;  // a Chrome trace's bytes read at a time
  explicit ProfileLoader(FileReadIo& io, std::size_t chunk = kChunk) : io_(io), chunk_(chunk) {}

  // A non-event file under what was opened: kept if it can be a profile.
  void add_file(const std::string& path, std::uint64_t size);
  // The platform's answer to read_file(): the bytes asked for, or an error message.
  void arrived(std::uint64_t ticket, std::string&& bytes, const std::string& error);
  // Parses what has arrived for about `budget_ms`; true if it did some.
  bool work(double budget_ms);
  bool busy() const { return loaded_.state == ui::ProfileState::kLoading; }
  void clear();

  // ui::ProfileProvider
  const std::vector<profile::ProfileFile>& profiles() const override { return profiles_; }
  const ui::LoadedProfile& load(const std::string& path) override;
  const ui::LoadedProfile& loaded() const override { return loaded_; }

 private:
  void finish();
  void ask_next();  // asks for the next chunk unless one is in flight, two wait, or the file is read
  void fail(const std::string& error);

  FileReadIo& io_;
  const std::size_t chunk_;
  std::map<std::string, std::uint64_t> sizes_;  // the announced profile files
  std::vector<profile::ProfileFile> profiles_;
  ui::LoadedProfile loaded_;
  profile::ProfileFormat format_ = profile::ProfileFormat::kXPlane;
  std::uint64_t next_ticket_ = kFirstTicket, waiting_for_ = 0;  // the read in flight (0: none)
  std::uint64_t asked_to_ = 0;                                  // bytes asked for so far (from the start)
  std::uint64_t asked_size_ = 0;                                // by the read in flight
  std::deque<std::string> chunks_;                              // read, not yet all given to the reader
  std::size_t pushed_ = 0;                                      // of chunks_.front(), given to the reader
  std::unique_ptr<profile::ChromeTraceReader> reader_;
  std::chrono::steady_clock::time_point started_;
  std::optional<std::chrono::steady_clock::time_point> starved_since_;  // all parsed, bytes still to come
  std::uint64_t generation_ = 0;
};

}  // namespace el::app
