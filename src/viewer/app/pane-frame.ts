/**
 * A pane's animation: machines glide every frame; coverage is re-sent to the view when it
 * changed, at most every {@link COVERAGE_REFRESH_MS}, and the finished strips (costly to
 * re-index) at most every {@link DONE_REFRESH_MS}, at once after a reset.
 */
import type { CoverageModel } from './coverage.js';
import type { FieldView } from './view.js';

/** How often coverage strips are re-sent to the view, ms. */
export const COVERAGE_REFRESH_MS = 250;
/** How often, at most, the finished strips are re-sent (re-indexing all of them is the costly part), ms. */
export const DONE_REFRESH_MS = 2000;

/**
 * Keeps a view's coverage in step with a coverage model, within the refresh limits.
 * @example
 * const refresher = createCoverageRefresher(run.coverage);
 * refresher.refresh(view, performance.now());
 */
export function createCoverageRefresher(coverage: CoverageModel) {
  let shown = -1;
  let doneShown = -1;
  let doneAt = 0;
  let shownAt = 0;
  return {
    /** A new view or a new run: everything is re-sent at the next refresh. */
    reset() {
      shown = -1;
      doneShown = -1;
    },
    /** The finished strips changed wholesale (a snapshot): re-send them at once. */
    resetDone() {
      doneShown = -1;
    },
    refresh(view: FieldView, nowMs: number) {
      if (coverage.version === shown || nowMs - shownAt < COVERAGE_REFRESH_MS) return;
      const refreshDone = coverage.doneVersion !== doneShown && (doneShown < 0 || nowMs - doneAt >= DONE_REFRESH_MS);
      view.setCoverage(coverage.layers(refreshDone));
      shown = coverage.version;
      if (refreshDone) {
        doneShown = coverage.doneVersion;
        doneAt = nowMs;
      }
      shownAt = nowMs;
    },
  };
}

/** Calls `frame` on every animation frame until the returned function is called. */
export function startFrameLoop(frame: (nowMs: number) => void): () => void {
  let raf = 0;
  const loop = (now: number) => {
    frame(now);
    raf = requestAnimationFrame(loop);
  };
  raf = requestAnimationFrame(loop);
  return () => cancelAnimationFrame(raf);
}
