// window.eventlens: the test and automation hook (docs/architecture.md,
// "Test hook"). Browser tests and benchmarks drive the page through it.

import { engine, page } from './engine.js';
import { openUrl, recheck } from './sources.js';

export function installTestHook() {
  window.eventlens = {
    // What the shell shows, as JSON (app/shell_state.cpp and the dashboards' write_state).
    state: () => engine.state(),
    // Only the state's loading counts (loading, runLoading, hparamsPeek): for
    // polling a logdir of thousands of runs, where state() takes ~20 ms.
    progress: () => engine.progress(),
    // One series' points as stored (run, tag).
    series: (run, tag) => engine.series(run, tag),
    // Applies settings in their link form ("pcolor=label&psearch=cat"), as a link would.
    settings: (text) => engine.applySettings(text),
    // Switches to a dashboard by name ("scalars", "images"...).
    show: (name) => engine.show(name),
    // Opens a manifest (.json), an event file or a bucket (s3://, gs://) by address.
    open: (url) => openUrl(url),
    isReady: () => page.ready,
    frame: () => (page.ready ? engine.frameCount() : 0),
    // For benchmarks: frame-time statistics in state() start over.
    resetFrameStats: () => engine.resetFrameStats(),
    // For tests: re-check opened folders and served manifests now.
    recheck: () => recheck(),
    // Reads every listed run whose name matches the regex (as "Read matching"),
    // or frees every read one; returns how many (-1: invalid expression).
    loadRuns: (regex) => engine.loadRuns(regex || ''),
    unloadRuns: (regex) => engine.unloadRuns(regex || ''),
  };
}
