/**
 * The live web viewer: `createViewerHandler` serves the page, its bundle and MapLibre's
 * files from memory; mount it on the telemetry server's HTTP port (`staticHandler`).
 * The browser code lives in ./app and imports no Node modules.
 */
export { createViewerHandler, type ViewerHandler, type ViewerHandlerOptions } from './handler.js';
export { buildViewerAssets, type ViewerAsset, type ViewerAssets, type BuildViewerOptions } from './bundle.js';
