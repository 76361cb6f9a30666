/**
 * Size limits on field input. Every limit is an option with a default, so a caller can raise
 * or lower it; going over one gives `FIELD_TOO_LARGE`.
 */
export interface FieldLimits {
  /** Most bytes of input text (UTF-8). Default 20 MiB. */
  maxBytes: number;
  /** Most positions in the whole input (all rings of all polygons). Default 100,000. */
  maxVertices: number;
  /** Most input features, and most polygons (fields), in one input. Default 10,000. */
  maxFeatures: number;
  /** Largest area of one polygon, in hectares (holes excluded). Default 10,000 ha. */
  maxAreaHa: number;
  /**
   * Most edge-pair tests the self-intersection check of one polygon may run (about 50 ns each):
   * bounds the time on crowded boundaries (thousands of long edges millimetres apart), which are
   * refused as FIELD_TOO_LARGE past it. Field boundaries need far fewer: a 100,000-vertex
   * circle needs 4.9 million. Default 20,000,000 (about 1 s).
   */
  maxEdgePairTests: number;
}

/** The default {@link FieldLimits}. */
export const DEFAULT_FIELD_LIMITS: Readonly<FieldLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxVertices: 100_000,
  maxFeatures: 10_000,
  maxAreaHa: 10_000,
  maxEdgePairTests: 20_000_000,
});

/** Fills missing limits with the defaults. */
export function resolveLimits(partial: Partial<FieldLimits> = {}): FieldLimits {
  return {
    maxBytes: partial.maxBytes ?? DEFAULT_FIELD_LIMITS.maxBytes,
    maxVertices: partial.maxVertices ?? DEFAULT_FIELD_LIMITS.maxVertices,
    maxFeatures: partial.maxFeatures ?? DEFAULT_FIELD_LIMITS.maxFeatures,
    maxAreaHa: partial.maxAreaHa ?? DEFAULT_FIELD_LIMITS.maxAreaHa,
    maxEdgePairTests: partial.maxEdgePairTests ?? DEFAULT_FIELD_LIMITS.maxEdgePairTests,
  };
}
