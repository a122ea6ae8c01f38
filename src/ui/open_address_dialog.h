#pragma once
// File > Open address: data by web address (an event file, a manifest.json as
// `eventlens publish` writes) or a cloud bucket (s3://, gs://, or an
// S3-compatible server's endpoint). The page does the opening; this only asks.

#include <string>

namespace el::ui {

class OpenAddressDialog {
 public:
  void open() { open_ = true; }
  // Draws the dialog while open. True the frame the user chose Open: then
  // `address` (and for an s3:// bucket on another server, `endpoint`) are set.
  bool draw(std::string& address, std::string& endpoint);
  bool shown() const { return shown_; }  // drawn last frame (state()'s openAddressDialog)

 private:
  bool open_ = false;  // open it next frame
  bool shown_ = false;
  std::string address_, endpoint_;  // as typed (kept for the next time)
};

}  // namespace el::ui
