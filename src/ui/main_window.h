// The full-window frame every dashboard lives in: menu bar, content area
// (empty state, or the loaded files), status bar and the About box.
// Draws only; what the user asked for comes back as MainWindowActions for the
// app shell to carry out on its platform.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/file_table.h"
#include "ui/theme.h"

namespace el::ui {

struct LoadingView {
  bool active = false;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  std::uint32_t files_done = 0, files_total = 0;
  std::string current_file;
};

struct MainWindowView {
  const store::FileTable* files = nullptr;
  LoadingView loading;
  Theme theme = Theme::kDark;
  const Fonts* fonts = nullptr;
  bool can_open_dialogs = true;     // the platform has file/folder pickers
  const char* drop_hint = nullptr;  // extra line for the empty state, platform specific
};

struct MainWindowActions {
  bool open_files = false;
  bool open_folder = false;
  bool close_all = false;
  bool cancel_loading = false;
  std::optional<Theme> set_theme;
};

class MainWindow {
 public:
  MainWindowActions draw(const MainWindowView& view);

 private:
  void draw_menu_bar(const MainWindowView& view, MainWindowActions& act);
  void draw_empty_state(const MainWindowView& view, MainWindowActions& act);
  void draw_file_list(const MainWindowView& view);
  void draw_status_bar(const MainWindowView& view, MainWindowActions& act);
  void draw_about(const MainWindowView& view);

  bool open_about_ = false;
};

}  // namespace el::ui
