// Sidebar sections more than one dashboard shows (each dashboard's
// draw_sidebar() picks its own). They edit the shared Settings.
#pragma once
#include "ui/ui_context.h"

namespace el::ui {

// "Show points hidden by restarts" (TensorBoard's restart rule, or every record).
void draw_restart_checkbox(Settings& s);
// "Link steps across cards": one step for every stepping card, or one per card.
void draw_link_steps_checkbox(Settings& s);
// Scalar charts: smoothing, horizontal axis, log scale, outliers, restarts, tooltip order.
void draw_chart_settings(const UiContext& ctx);
// Run groups on scalar charts (line, band, members, smoothing order); nothing when no groups.
void draw_group_settings(const UiContext& ctx);
// Histograms (mode, bins) or distributions: the time axis and restarts.
void draw_histogram_settings(const UiContext& ctx, bool histograms);

}  // namespace el::ui
