// Reading disk files into a store on every core. Each run's files are framed,
// CRC-checked and decoded on one worker thread, in order (store::ChunkDecoder);
// the calling thread applies the decoded chunks to the store as they come
// (Store::apply), so the store is only ever touched by it. Runs are
// independent, so the store ends exactly as a one-thread read leaves it.
#pragma once
#include <string>
#include <vector>

#include "io/loader.h"
#include "store/store.h"

namespace el::io {

// The worker threads used when none are asked for: one per core (1 where
// threads are not available, as in a wasm build without pthreads).
unsigned default_ingest_threads();

// Reads `files` (each added to `store` as ids[i]) in 8 MiB pieces. `threads`:
// 0 for default_ingest_threads(); 1 reads on the calling thread, through
// Store::feed. Returns false if a file could not be opened (named on stderr).
[[nodiscard]] bool ingest_files(store::Store& store, const std::vector<DiskFile>& files,
                                const std::vector<store::FileId>& ids, unsigned threads = 0);

}  // namespace el::io
