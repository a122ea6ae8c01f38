// Axis ticks at round numbers and their labels: linear (1, 2, 5 x 10^k),
// logarithmic (decades), durations (relative time) and wall-clock times.
#pragma once
#include <string>
#include <vector>

namespace el::aggregate {

// About `target` ticks covering [lo, hi] at multiples of 1, 2 or 5 x 10^k.
// Every returned tick lies inside [lo, hi].
std::vector<double> linear_ticks(double lo, double hi, int target);
// The step linear_ticks() uses (for choosing label precision).
double linear_tick_step(double lo, double hi, int target);
// Powers of ten inside [lo, hi] (lo > 0), with 2x and 5x when few decades show.
std::vector<double> log_ticks(double lo, double hi, int target);
// Ticks for a log axis over [lo, hi]: log_ticks(), or, when a narrow range
// holds fewer than two of them (1.39132 .. 1.39148), linear ticks; `step`
// is set to the linear step then (for labels), else 0.
std::vector<double> log_axis_ticks(double lo, double hi, int target, double& step);
// [lo, hi] widened by `fraction` of its span on each side (a flat range by
// 10 % of its value, or 1 at zero), never past the largest finite double.
void pad_range(double& lo, double& hi, double fraction);

// "0", "0.25", "1.5k", "20M", "3.2µ", "-4e+21": short, with an SI suffix for
// large and small magnitudes; `step` (the tick spacing, 0 if none) sets how
// many digits are needed to tell neighbours apart.
std::string format_si(double value, double step = 0);

// Ticks for a span of seconds at round durations (1 s, 5 s, 1 min, 1 h, 1 d...).
std::vector<double> duration_ticks(double lo, double hi, int target);
// "45s", "12m 30s", "3h 20m", "2d 4h".
std::string format_duration(double seconds);

// Ticks for Unix times at round clock times (UTC offsets applied by the caller).
std::vector<double> time_ticks(double lo, double hi, int target);
// A Unix time as "HH:MM:SS", "HH:MM" or "Mon DD" depending on `step`
// seconds; `utc_offset` seconds shift it to local time.
std::string format_time(double unix_seconds, double step, double utc_offset = 0);

}  // namespace el::aggregate
