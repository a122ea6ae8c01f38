// XSpace (TensorFlow, Keras and JAX profiles: <host>.xplane.pb) into a Trace,
// converted as TensorBoard's trace viewer shows it:
//   - the /host:CPU plane and the /device:GPU:* and /device:TPU:* planes
//     become processes (metadata planes are left out), their lines tracks;
//   - lines and events show their display names; an event's full name, when
//     it differs, is kept as its long name;
//   - an event with a step_name stat is named after the step;
//   - start = line timestamp_ns · 1000 + event offset_ps, in ps;
//   - aggregated events (num_occurrences, no offset) have no place on a
//     timeline and are skipped.
// The planes are decoded one at a time: a truncated or corrupt file keeps
// every plane before the damage and says at which byte it stopped.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "profile/trace.h"

namespace el::profile {

void read_xplane(std::string_view file, std::span<const std::uint8_t> bytes, Trace& out);

}  // namespace el::profile
