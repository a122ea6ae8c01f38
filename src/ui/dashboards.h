// The dashboard table: every tab of the main window, in tab order. Adding a
// dashboard is one row in dashboards.cpp (and its own file pair).
#pragma once
#include <memory>
#include <vector>

#include "ui/dashboard.h"

namespace el::ui {

std::vector<std::unique_ptr<Dashboard>> make_dashboards();

}  // namespace el::ui
