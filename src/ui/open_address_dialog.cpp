#include "ui/open_address_dialog.h"

#include <cstring>

#include "imgui.h"
#include "ui/widgets.h"

namespace el::ui {

namespace {
bool starts_with(const char* s, const char* prefix) {
  return std::strncmp(s, prefix, std::strlen(prefix)) == 0;
}
}  // namespace

bool OpenAddressDialog::draw(std::string& address, std::string& endpoint) {
  if (open_) {
    ImGui::OpenPopup("Open address");
    open_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  shown_ = ImGui::BeginPopupModal("Open address", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  if (!shown_) return false;
  const float em = ImGui::GetFontSize();
  ImGui::TextUnformatted("Open runs from the web or from a cloud bucket:");
  ImGui::Spacing();
  auto example = [](const char* what, const char* sample) {
    ImGui::Bullet();
    ImGui::TextUnformatted(what);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", sample);
  };
  example("a published logdir:", "https://example.org/runs/manifest.json");
  example("one event file:", "https://example.org/train/events.out.tfevents.1700000000.host");
  example("a public bucket folder:", "s3://bucket/logs/exp1  or  gs://bucket/logs/exp1");
  ImGui::Spacing();

  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(em * 36);
  bool go = input_string("Address", "https://...  s3://bucket/folder  gs://bucket/folder", address_,
                         ImGuiInputTextFlags_EnterReturnsTrue);
  tooltip("A manifest.json, an event file, or a bucket and folder. Every run under the folder is listed.");
  const bool s3 = starts_with(address_.c_str(), "s3://") || starts_with(address_.c_str(), "S3://");
  ImGui::BeginDisabled(!s3);
  ImGui::SetNextItemWidth(em * 36);
  go |= input_string("Endpoint", "AWS when empty; e.g. https://ACCOUNT.r2.cloudflarestorage.com", endpoint_,
                     ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::EndDisabled();
  tooltip(
      "Only for s3:// buckets on a server other than AWS: Cloudflare R2, MinIO, Ceph, or Google's\n"
      "XML API (https://storage.googleapis.com). Leave empty for AWS S3.");
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted("No credentials are sent: the bucket must be public and allow this page (CORS).");
  ImGui::TextUnformatted("If it does not, the Problems panel says so and shows the CORS rule to add.");
  ImGui::PopStyleColor();
  ImGui::Spacing();

  const bool empty = address_.find_first_not_of(" \t") == std::string::npos;
  ImGui::BeginDisabled(empty);
  go |= ImGui::Button("Open", ImVec2(em * 7, 0));
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool cancel =
      ImGui::Button("Cancel", ImVec2(em * 7, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  const bool opened = go && !empty;
  if (opened) {
    address = address_;
    endpoint = s3 ? endpoint_ : std::string();
  }
  if (opened || cancel) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return opened;
}

}  // namespace el::ui
