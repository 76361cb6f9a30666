/** Types of the parts of shpjs (calvinmetcalf/shapefile-js, MIT) agrisim calls; the package ships none. */
declare module 'shpjs' {
  type Bytes = ArrayBuffer | ArrayBufferView;
  interface ShpFeatureCollection {
    type: 'FeatureCollection';
    features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
    fileName?: string;
  }
  /** A zipped shapefile (bytes) or its parts; resolves to one collection, or an array for several layers. */
  export default function getShapefile(
    base: Bytes | { shp: Bytes; dbf?: Bytes; prj?: Bytes | string; cpg?: Bytes | string },
  ): Promise<ShpFeatureCollection | ShpFeatureCollection[]>;
}
