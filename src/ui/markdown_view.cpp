#include "ui/markdown_view.h"

#include <algorithm>
#include <string_view>

#include "imgui.h"

namespace el::ui {
namespace {

constexpr float kQuoteIndent = 16, kListIndent = 18, kItalicSlant = 0.2f;

bool openable(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("mailto:", 0) == 0;
}

// Styled spans flowing from the cursor between screen x `left` and `right`,
// word-wrapped; `base` is the paragraph's font.
void draw_spans(const std::vector<md::Span>& spans, const Fonts* f, ImFont* base, float left, float right,
                std::vector<std::string>* open_urls) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushFont(base);
  const float line_h = ImGui::GetTextLineHeightWithSpacing(), text_h = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  float x = left, y = ImGui::GetCursorScreenPos().y;
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  const bool dark = bg.x + bg.y + bg.z < 1.5f;
  const ImU32 link_col = dark ? IM_COL32(110, 170, 255, 255) : IM_COL32(25, 100, 210, 255);
  const ImU32 code_bg = ImGui::GetColorU32(ImGuiCol_FrameBg);
  const bool window_hovered = ImGui::IsWindowHovered();
  for (const md::Span& sp : spans) {
    if (sp.style & md::kLineBreak) {
      x = left;
      y += line_h;
      continue;
    }
    ImFont* font = (sp.style & md::kCode) && f->mono     ? f->mono
                   : (sp.style & md::kStrong) && f->bold ? f->bold
                                                         : base;
    ImGui::PushFont(font);
    const float font_h = ImGui::GetTextLineHeight();
    const std::string_view t = sp.text;
    std::size_t i = 0;
    while (i < t.size()) {
      std::size_t word_end = t.find(' ', i);
      if (word_end == std::string_view::npos) word_end = t.size();
      std::size_t j = t.find_first_not_of(' ', word_end);
      if (j == std::string_view::npos) j = t.size();
      const char* b = t.data() + i;
      const float word_w = ImGui::CalcTextSize(b, t.data() + word_end).x;
      const float tok_w = ImGui::CalcTextSize(b, t.data() + j).x;
      if (x + word_w > right && x > left) {  // wrap; a word wider than the line overflows (the card clips it)
        x = left;
        y += line_h;
        if (i == word_end) {  // only spaces: they vanish at a line start
          i = j;
          continue;
        }
      }
      const float ty = y + (text_h - font_h) * 0.5f;
      if (sp.style & md::kCode)
        dl->AddRectFilled(ImVec2(x - 2, ty - 1), ImVec2(x + word_w + 2, ty + font_h + 1), code_bg, 3.0f);
      const int first_vtx = dl->VtxBuffer.Size;
      dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, ty),
                  (sp.style & md::kLink) ? link_col : text_col, b, t.data() + j);
      if (sp.style & md::kEmphasis) {  // no italic face: slant the glyphs
        const float bottom = ty + font_h;
        for (int v = first_vtx; v < dl->VtxBuffer.Size; ++v)
          dl->VtxBuffer[v].pos.x += (bottom - dl->VtxBuffer[v].pos.y) * kItalicSlant;
      }
      if ((sp.style & md::kLink) && window_hovered &&
          ImGui::IsMouseHoveringRect(ImVec2(x, ty), ImVec2(x + word_w, ty + font_h))) {
        dl->AddLine(ImVec2(x, ty + font_h), ImVec2(x + word_w, ty + font_h), link_col);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s%s", sp.url.c_str(), openable(sp.url) ? "\n(click to open in a new tab)" : "");
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && open_urls && openable(sp.url))
          open_urls->push_back(sp.url);
      }
      x += tok_w;
      i = j;
    }
    ImGui::PopFont();
  }
  ImGui::SetCursorScreenPos(ImVec2(left, y));
  ImGui::Dummy(ImVec2(std::max(1.0f, right - left), line_h - ImGui::GetStyle().ItemSpacing.y));
}

float plain_width(const std::vector<md::Span>& spans, const Fonts* f) {
  float w = 0;
  for (const md::Span& sp : spans) {
    ImGui::PushFont((sp.style & md::kCode) && f->mono     ? f->mono
                    : (sp.style & md::kStrong) && f->bold ? f->bold
                                                          : f->body);
    w += ImGui::CalcTextSize(sp.text.c_str()).x;
    ImGui::PopFont();
  }
  return w;
}

void draw_table(const md::Block& b, const Fonts* f, float left, float right, int index,
                std::vector<std::string>* open_urls) {
  const int cols = static_cast<int>(b.align.size());
  ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
  ImGui::PushID(index);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (cols > 0 && ImGui::BeginTable("##mdtable", std::min(cols, 64), flags, ImVec2(right - left, 0))) {
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      ImGui::TableNextRow(r == 0 ? ImGuiTableRowFlags_Headers : 0);
      for (int c = 0; c < std::min(cols, 64); ++c) {
        ImGui::TableSetColumnIndex(c);
        const auto& cell = b.rows[r][static_cast<std::size_t>(c)];
        const float cl = ImGui::GetCursorScreenPos().x, cr = cl + ImGui::GetContentRegionAvail().x;
        float x = cl;
        const float w = plain_width(cell, f);
        if (w < cr - cl && b.align[c] != 'l') x = b.align[c] == 'r' ? cr - w : cl + (cr - cl - w) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        draw_spans(cell, f, r == 0 && f->bold ? f->bold : f->body, x, cr, open_urls);
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

}  // namespace

void draw_markdown(const std::vector<md::Block>& blocks, const Fonts* f, float width,
                   std::vector<std::string>* open_urls) {
  if (!f || !f->body) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float origin = ImGui::GetCursorScreenPos().x;
  const float gap = ImGui::GetTextLineHeight() * 0.45f;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const md::Block& b = blocks[k];
    const float left = origin + b.quote * kQuoteIndent, right = origin + width;
    // Blocks apart; items of one list close together.
    const bool list_run =
        b.kind == md::BlockKind::kListItem && k > 0 && blocks[k - 1].kind == md::BlockKind::kListItem;
    if (k > 0 && !list_run) ImGui::Dummy(ImVec2(0, b.kind == md::BlockKind::kHeading ? gap * 2 : gap));
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    switch (b.kind) {
      case md::BlockKind::kHeading: {
        ImFont* font = b.level <= 2 && f->heading ? f->heading : f->bold ? f->bold : f->body;
        draw_spans(b.spans, f, font, left, right, open_urls);
        if (b.level == 1) {
          const float y = ImGui::GetCursorScreenPos().y;
          dl->AddLine(ImVec2(left, y), ImVec2(right, y), ImGui::GetColorU32(ImGuiCol_Separator));
          ImGui::Dummy(ImVec2(0, 2));
        }
        break;
      }
      case md::BlockKind::kParagraph: draw_spans(b.spans, f, f->body, left, right, open_urls); break;
      case md::BlockKind::kListItem: {
        const float item_left = left + b.level * kListIndent;
        ImGui::PushFont(f->body);
        const float marker_w =
            std::max(ImGui::CalcTextSize(b.marker.c_str()).x, ImGui::CalcTextSize("00.").x);
        dl->AddText(ImVec2(item_left + marker_w - ImGui::CalcTextSize(b.marker.c_str()).x, top),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), b.marker.c_str());
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(item_left + marker_w + 6, top));
        draw_spans(b.spans, f, f->body, item_left + marker_w + 6, right, open_urls);
        break;
      }
      case md::BlockKind::kCode: {
        ImGui::PushFont(f->mono ? f->mono : f->body);
        const float pad = 6;
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(left + pad, top + pad));
        ImGui::TextUnformatted(b.code.empty() ? " " : b.code.c_str());
        const float bottom = ImGui::GetItemRectMax().y + pad;
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), ImGui::GetColorU32(ImGuiCol_FrameBg),
                          4.0f);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(left, bottom));
        ImGui::Dummy(ImVec2(right - left, 0));
        ImGui::PopFont();
        break;
      }
      case md::BlockKind::kTable: draw_table(b, f, left, right, static_cast<int>(k), open_urls); break;
      case md::BlockKind::kRule: {
        const float y = top + gap;
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), ImGui::GetColorU32(ImGuiCol_Separator), 1.5f);
        ImGui::Dummy(ImVec2(right - left, gap * 2));
        break;
      }
    }
    const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
    for (int q = 0; q < b.quote; ++q) {  // a bar per quote level
      const float bx = origin + q * kQuoteIndent + 4;
      dl->AddRectFilled(ImVec2(bx, top - (k > 0 ? gap : 0)), ImVec2(bx + 3, bottom),
                        ImGui::GetColorU32(ImGuiCol_Border));
    }
  }
}

}  // namespace el::ui
