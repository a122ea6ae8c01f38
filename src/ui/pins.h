// Pinned cards: a card's menu pins it to a "Pinned" section at the top of its
// dashboard (it leaves its usual place), in an order the user sets by
// dragging the card's grip onto another pinned card. Pins live in the
// settings (Settings::pins), so in localStorage and in the link.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"
#include "ui/settings.h"

namespace el::ui {

// "<kind>\t<card>": the kind's name ("scalars", "images", ...) and the card's key.
std::string pin_key(std::string_view kind, std::string_view card);
bool is_pinned(const Settings& s, const std::string& key);
// Where the pin is in the pinned order (-1: not pinned).
int pin_position(const Settings& s, const std::string& key);
// "Pin to the top" / "Unpin" for a card's menu.
void pin_menu_item(Settings& s, const std::string& key);
// A grip (three bars) at the cursor, `height` tall, that drags the pinned card; returns its width.
float pin_grip(const std::string& key, float height);
// Makes [min, max] (a pinned card) a drop target: a dropped pin moves to its place.
void pin_drop_target(Settings& s, const std::string& key, ImVec2 min, ImVec2 max);

}  // namespace el::ui
