/**
 * The grid both simulator rasters share (coverage passes, dose): square cells of `cellM` metres,
 * `cols` × `rows`, row-major from the corner (`originX`, `originY`) in the run's local metres.
 */
export interface RasterGrid {
  readonly cellM: number;
  readonly cellAreaM2: number;
  readonly cols: number;
  readonly rows: number;
  readonly originX: number;
  readonly originY: number;
}
