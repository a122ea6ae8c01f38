#include "graph/svg_export.h"

#include <cstdio>

namespace el::graph {
namespace {

void escape(std::string& out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

void num(std::string& out, float v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
  out += buf;
}

std::string hex(std::uint32_t rgb) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", rgb & 0xffffffu);
  return buf;
}

}  // namespace

std::string scene_svg(const Hierarchy& h, const Scene& scene, const SvgStyle& style) {
  const Rect b = scene.bounds;
  const float margin = 16;
  std::string out;
  out.reserve(256 + scene.items.size() * 200 + scene.edges.size() * 120);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"";
  num(out, b.x - margin);
  out += ' ';
  num(out, b.y - margin);
  out += ' ';
  num(out, b.w + 2 * margin);
  out += ' ';
  num(out, b.h + 2 * margin);
  out += "\" width=\"";
  num(out, b.w + 2 * margin);
  out += "\" height=\"";
  num(out, b.h + 2 * margin);
  out += "\" font-family=\"sans-serif\" font-size=\"";
  num(out, style.font_size);
  out +=
      "\">\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
      "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#667\"/></marker></defs>\n"
      "<rect x=\"-1e6\" y=\"-1e6\" width=\"2e6\" height=\"2e6\" fill=\"white\"/>\n";
  auto fill_of = [&](std::uint32_t id) {
    return id < style.item_fill.size() ? hex(style.item_fill[id]) : std::string("#c9d6ea");
  };
  // Groups first (they are the background of their children), then edges, then ops.
  for (int pass = 0; pass < 2; ++pass) {
    for (const SceneItem& si : scene.items) {
      const Item& it = h.items[si.item];
      const bool op = it.kind == ItemKind::kOp;
      if ((pass == 0) == op) continue;
      const Rect& r = si.rect;
      out += "<g><title>";
      escape(out, it.name);
      out += "</title>";
      if (op) {
        out += "<ellipse cx=\"";
        num(out, r.x + r.w / 2);
        out += "\" cy=\"";
        num(out, r.y + r.h / 2);
        out += "\" rx=\"";
        num(out, r.w / 2);
        out += "\" ry=\"";
        num(out, r.h / 2);
        out += "\" fill=\"" + fill_of(si.item) + "\" stroke=\"#556\"/>";
      } else {
        out += "<rect x=\"";
        num(out, r.x);
        out += "\" y=\"";
        num(out, r.y);
        out += "\" width=\"";
        num(out, r.w);
        out += "\" height=\"";
        num(out, r.h);
        out += "\" rx=\"6\" fill=\"" + fill_of(si.item) + "\" fill-opacity=\"";
        out += si.expanded ? "0.25" : "1";
        out += "\" stroke=\"#556\"";
        if (it.kind == ItemKind::kSeries) out += " stroke-dasharray=\"4 2\"";
        out += "/>";
      }
      out += "<text x=\"";
      num(out, op || !si.expanded ? r.x + r.w / 2 : r.x + 8);
      out += "\" y=\"";
      num(out, si.expanded ? r.y + style.font_size + 5 : r.y + r.h / 2 + style.font_size * 0.35f);
      out += op || !si.expanded ? "\" text-anchor=\"middle\">" : "\">";
      escape(out, it.label);
      out += "</text></g>\n";
    }
    if (pass == 1) break;
    for (const SceneEdge& e : scene.edges) {
      const ChildEdge& ce = h.items[e.group].edges[e.edge];
      out += "<polyline fill=\"none\" stroke=\"";
      out += e.reversed ? "#c66" : "#667";
      out += "\" stroke-width=\"";
      num(out, ce.data ? 1.2f : 0.8f);
      out += "\"";
      if (!ce.data) out += " stroke-dasharray=\"3 2\"";
      out += " marker-end=\"url(#arrow)\" points=\"";
      for (const Point& p : e.points) {
        num(out, p.x);
        out += ',';
        num(out, p.y);
        out += ' ';
      }
      out += "\"/>\n";
    }
  }
  out += "</svg>\n";
  return out;
}

}  // namespace el::graph
