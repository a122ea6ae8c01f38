// eventlens-desktop: the shell in a native SDL2 + OpenGL 3 window.
//   eventlens-desktop [--frames N] [PATH...]
// PATHs (files or folders) open at start; files and folders can also be
// dropped onto the window. Files are read in slices as the frames go by.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/shell.h"
#include "embed/paths.h"
#include "io/disk_blob_source.h"
#include "profile/discovery.h"
#include "store/run_paths.h"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kSliceBytes = 8u << 20;

class DesktopPlatform final : public el::app::Platform {
 public:
  bool can_open_dialogs() const override { return false; }
  void open_files() override {}
  void open_folder() override {}
  void cancel_loading() override {
    pending.clear();
    open.reset();
  }
  void closed_all() override {
    cancel_loading();
    paths_.clear();
  }
  const char* drop_hint() const override {
    return "Drop files or folders onto this window, or pass them on the command line.";
  }
  // Downloads land in the working directory.
  void download(const std::string& filename, const std::string&, const std::string& bytes) override {
    std::ofstream(filename, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::printf("eventlens-desktop: saved %s (%zu bytes)\n", filename.c_str(), bytes.size());
  }

  // Records read back for image and audio cards: straight from disk.
  void read_blob(std::uint64_t ticket, el::store::FileId file, std::uint64_t offset, std::size_t length,
                 el::record::Compression) override {
    el::io::DiskBlobSource source(shell_->store(), paths_);
    std::string bytes, error;
    if (!source.read(file, offset, length, bytes, error) && error.empty()) error = "cannot read";
    shell_->blob_arrived(ticket, bytes, error);
  }
  // The Projector's files: straight from disk, answered at once.
  void read_file(std::uint64_t ticket, const std::string& path, std::uint64_t offset, std::uint64_t size,
                 bool whole) override {
    auto it = other_paths_.find(path);
    std::string bytes, error;
    if (it == other_paths_.end()) {
      error = "no such file";
    } else {
      std::ifstream in(it->second, std::ios::binary);
      if (!whole) in.seekg(static_cast<std::streamoff>(offset));
      bytes.resize(size);
      in.read(bytes.data(), static_cast<std::streamsize>(size));
      bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
      if (!in && bytes.size() != size)
        error = "cannot read it (" + std::to_string(bytes.size()) + " of " + std::to_string(size) + " bytes)";
    }
    shell_->file_read_arrived(ticket, bytes, error);
  }
  // Audio through SDL: one device opened per clip, fed the whole clip at once.
  bool play_audio(const el::events::DecodedAudio& a, double from, std::string& error) override {
    stop_audio();
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      error = std::string("no audio: ") + SDL_GetError();
      return false;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = static_cast<int>(a.sample_rate);
    want.format = AUDIO_F32SYS;
    want.channels = static_cast<Uint8>(a.channels);
    want.samples = 4096;
    audio_device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!audio_device_) {
      error = std::string("no audio output: ") + SDL_GetError();
      return false;
    }
    const std::size_t first = std::min(a.frames(), static_cast<std::size_t>(from * a.sample_rate)) *
                              static_cast<std::size_t>(a.channels);
    SDL_QueueAudio(audio_device_, a.samples.data() + first,
                   static_cast<Uint32>((a.samples.size() - first) * sizeof(float)));
    SDL_PauseAudioDevice(audio_device_, 0);
    return true;
  }
  void stop_audio() override {
    if (audio_device_) SDL_CloseAudioDevice(audio_device_);
    audio_device_ = 0;
  }
  void attach(el::app::Shell& shell) { shell_ = &shell; }
  // A run was unloaded: its files are read again from the start if it is picked again.
  void file_reset(el::store::FileId file) override {
    if (!pending.empty() && pending.front().id == file) open.reset();
    std::erase_if(pending, [&](const Pending& p) { return p.id == file; });
    if (file < paths_.size()) pending.push_back({file, paths_[file]});
  }
  // The head of an unread run's file, straight from disk, answered at once.
  bool peek_file(el::store::FileId file, std::uint64_t bytes) override {
    if (!shell_ || file >= paths_.size()) return false;
    std::ifstream in(paths_[file], std::ios::binary);
    std::vector<std::uint8_t> head(static_cast<std::size_t>(bytes));
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(bytes));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    if (!in && head.empty())
      shell_->peek_failed(file, "cannot read it");
    else
      shell_->peek_arrived(file, head);
    return true;
  }
  // glibc's bytes in use (small blocks and mmapped large ones); no fixed
  // limit, and the machine's memory for the default budget.
  el::app::HeapUse heap_use() const override {
    const struct mallinfo2 m = mallinfo2();
    static const double gb =
        static_cast<double>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE) / (1ull << 30);
    return {m.uordblks + m.hblkhd, 0, gb};
  }
  // The CJK font Debian installs (fonts-droid-fallback), read from disk.
  bool request_cjk_font() override {
    if (!shell_) return false;
    std::ifstream in(EL_CJK_FONT_PATH, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty())
      shell_->cjk_font_failed(std::string("cannot read ") + EL_CJK_FONT_PATH);
    else
      shell_->cjk_font_arrived(std::move(bytes));
    return true;
  }

  struct Pending {
    el::store::FileId id;
    fs::path path;
  };
  // Queues `p` (a file, or a folder walked recursively) for reading.
  void add(el::app::Shell& shell, const fs::path& p) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      // Runs are named relative to the opened folder, as TensorBoard's logdir.
      const fs::path base = p;
      std::vector<fs::path> found;
      for (const auto& e :
           fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec)) {
        if (!e.is_regular_file(ec)) continue;
        const std::string name = e.path().filename().string();
        if (el::store::is_event_file_path(name)) {
          found.push_back(e.path());
        } else if (el::embed::is_embedding_file(name) || el::profile::is_profile_file(name)) {
          const std::string rel = fs::relative(e.path(), base, ec).generic_string();
          other_paths_[rel] = e.path().string();
          shell.add_other_file(rel, e.file_size(ec));
        }
      }
      std::sort(found.begin(), found.end());
      for (const auto& f : found) add_file(shell, f, fs::relative(f, base, ec).generic_string());
    } else {
      add_file(shell, p, p.filename().string(), p.filename().string());  // on its own: its own run
    }
  }
  // Reads at most one slice per frame, keeping the queue shallow.
  void read_some(el::app::Shell& shell) {
    if (pending.empty() || shell.queue().queued_bytes() >= 2 * kSliceBytes) return;
    if (open && shell.file_stopped(pending.front().id)) {  // the memory budget stopped it: the next one
      open.reset();
      pending.pop_front();
      return;
    }
    if (open && !shell.file_wanted(pending.front().id)) return;  // the memory budget is full: wait
    if (!open) {  // the next file whose run is wanted (runs only listed wait: app/run_loading.h)
      auto next = std::find_if(pending.begin(), pending.end(),
                               [&](const Pending& p) { return shell.file_wanted(p.id); });
      if (next == pending.end()) return;
      std::rotate(pending.begin(), next, next + 1);
    }
    Pending& cur = pending.front();
    if (!open) open = std::make_unique<std::ifstream>(cur.path, std::ios::binary);
    auto* buf = static_cast<std::uint8_t*>(std::malloc(kSliceBytes));
    open->read(reinterpret_cast<char*>(buf), kSliceBytes);
    std::size_t n = static_cast<std::size_t>(open->gcount());
    if (n)
      shell.push_bytes(cur.id, buf, n);
    else
      std::free(buf);
    if (n < kSliceBytes) {
      shell.end_file(cur.id);
      open.reset();
      pending.pop_front();
    }
  }

 private:
  void add_file(el::app::Shell& shell, const fs::path& p, std::string rel, std::string run = {}) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    const el::store::FileId id = shell.add_file(std::move(rel), ec ? 0 : size, std::move(run));
    if (paths_.size() <= id) paths_.resize(id + 1);
    paths_[id] = p.string();
    pending.push_back({id, p});
  }
  el::app::Shell* shell_ = nullptr;
  std::map<std::string, std::string> other_paths_;  // the Projector's files: relative path -> on disk
  std::vector<std::string> paths_;                  // by file id, for reading records back
  SDL_AudioDeviceID audio_device_ = 0;
  std::deque<Pending> pending;
  std::unique_ptr<std::ifstream> open;
};

}  // namespace

int main(int argc, char** argv) {
  long max_frames = -1;
  std::string view;
  bool print_state = false;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) {
      max_frames = std::atol(argv[++i]);
    } else if (!std::strcmp(argv[i], "--state")) {
      print_state = true;
    } else if (!std::strcmp(argv[i], "--view") && i + 1 < argc) {
      view = argv[++i];
    } else if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::printf(
          "usage: eventlens-desktop [--frames N] [--view SETTINGS] [--state] [PATH...]\n"
          "Opens a window showing TensorBoard event files. PATHs are files or folders;\n"
          "more can be dropped onto the window. --frames N quits after N frames.\n"
          "--view takes the page's settings text, e.g. 'dash=hparams&smoothing=0.9'.\n"
          "--state prints the page's state() JSON when the window closes.\n");
      return 0;
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  DesktopPlatform platform;
  el::app::Shell shell(platform);
  platform.attach(shell);
  if (!shell.init("EventLens", 1280, 800)) return 2;
  shell.set_ingest_threads(std::max(1u, std::thread::hardware_concurrency()));
  if (!view.empty()) shell.apply_settings(view);
  for (const auto& p : paths) platform.add(shell, p);
  for (;;) {
    SDL_Event ev;
    // Drops are platform business: peek them before the shell drains the queue.
    while (SDL_PeepEvents(&ev, 1, SDL_GETEVENT, SDL_DROPFILE, SDL_DROPFILE) > 0) {
      platform.add(shell, ev.drop.file);
      SDL_free(ev.drop.file);
    }
    platform.read_some(shell);
    if (!shell.frame()) break;
    shell.work_between_frames(8);  // the Projector's layouts, between frames as in the page
    if (max_frames > 0 && static_cast<long>(shell.frame_count()) >= max_frames) break;
  }
  if (print_state) std::printf("%s\n", shell.state_json().c_str());
  std::printf("eventlens-desktop: %llu frames, %zu files\n",
              static_cast<unsigned long long>(shell.frame_count()), shell.files().size());
  return 0;
}
