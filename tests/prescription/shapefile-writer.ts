/**
 * A small ESRI shapefile writer for tests (polygon layer: .shp, .shx, .dbf, .prj) and a zip
 * writer (deflate, as every zip tool writes), following the ESRI Shapefile Technical Description
 * (July 1998) and dBASE III table layout, so the reader under test meets files laid out as GIS
 * tools lay them out: outer rings clockwise, holes counter-clockwise, big-endian record headers.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** WKT of WGS 84 geographic coordinates, as ArcGIS and QGIS write it in a .prj. */
export const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
/** WKT of WGS 84 / UTM zone 48N (EPSG:32648), the zone of Thái Bình, in the ESRI dialect. */
export const PRJ_UTM48N =
  'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** A dBASE field: character (C) or numeric (N). */
export interface DbfField {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** One polygon record: rings (any winding, closed or open) and its attribute values. */
export interface ShpRecord {
  rings: number[][][];
  values: (string | number)[];
}

const signedArea = (r: number[][]) =>
  r.reduce((a, p, i) => {
    const q = r[(i + 1) % r.length];
    return a + p[0] * q[1] - q[0] * p[1];
  }, 0) / 2;
const closed = (r: number[][]) => (r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r : [...r, r[0]]);

function polygonContent(rings: number[][][]): Buffer {
  // ESRI: outer ring clockwise (negative signed area), holes counter-clockwise
  const rs = rings.map((r, i) => {
    const c = closed(r);
    const cw = signedArea(c) < 0;
    return (i === 0) === cw ? c : [...c].reverse();
  });
  const pts = rs.flat();
  const xs = pts.map((p) => p[0]),
    ys = pts.map((p) => p[1]);
  const b = Buffer.alloc(44 + 4 * rs.length + 16 * pts.length);
  b.writeInt32LE(5, 0);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(rs.length, 36);
  b.writeInt32LE(pts.length, 40);
  let start = 0;
  rs.forEach((r, i) => {
    b.writeInt32LE(start, 44 + 4 * i);
    start += r.length;
  });
  pts.forEach((p, i) => {
    b.writeDoubleLE(p[0], 44 + 4 * rs.length + 16 * i);
    b.writeDoubleLE(p[1], 52 + 4 * rs.length + 16 * i);
  });
  return b;
}

function header(lengthBytes: number, box: number[]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(lengthBytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(5, 32);
  box.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
  return h;
}

function dbf(fields: DbfField[], rows: (string | number)[][]): Buffer {
  const recLen = 1 + fields.reduce((a, f) => a + f.length, 0);
  const headLen = 32 + 32 * fields.length + 1;
  const b = Buffer.alloc(headLen + recLen * rows.length + 1, 0);
  b.writeUInt8(3, 0);
  b.writeUInt8(126, 1);
  b.writeUInt8(12, 2);
  b.writeUInt8(7, 3); // 2026-12-07
  b.writeUInt32LE(rows.length, 4);
  b.writeUInt16LE(headLen, 8);
  b.writeUInt16LE(recLen, 10);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    b.write(f.name.slice(0, 10), o, 'latin1');
    b.write(f.type, o + 11, 'latin1');
    b.writeUInt8(f.length, o + 16);
    b.writeUInt8(f.decimals ?? 0, o + 17);
  });
  b.writeUInt8(0x0d, headLen - 1);
  rows.forEach((row, r) => {
    let o = headLen + r * recLen;
    b.write(' ', o++, 'latin1');
    fields.forEach((f, i) => {
      const v = row[i];
      const text =
        f.type === 'N' ? (typeof v === 'number' ? v.toFixed(f.decimals ?? 0) : String(v)).padStart(f.length) : String(v).padEnd(f.length);
      b.write(text.slice(0, f.length), o, 'latin1');
      o += f.length;
    });
  });
  b.writeUInt8(0x1a, b.length - 1);
  return b;
}

/** Writes a polygon shapefile's parts. */
export function writeShapefile(
  fields: DbfField[],
  records: ShpRecord[],
  prj = PRJ_WGS84,
): { shp: Buffer; shx: Buffer; dbf: Buffer; prj: string } {
  const contents = records.map((r) => polygonContent(r.rings));
  const all = records.flatMap((r) => r.rings.flat());
  const box = [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
    0,
    0,
    0,
    0,
  ];
  const recs: Buffer[] = [];
  const index = Buffer.alloc(8 * records.length);
  let offset = 100;
  contents.forEach((c, i) => {
    const h = Buffer.alloc(8);
    h.writeInt32BE(i + 1, 0);
    h.writeInt32BE(c.length / 2, 4);
    index.writeInt32BE(offset / 2, 8 * i);
    index.writeInt32BE(c.length / 2, 8 * i + 4);
    recs.push(h, c);
    offset += 8 + c.length;
  });
  return {
    shp: Buffer.concat([header(offset, box), ...recs]),
    shx: Buffer.concat([header(100 + index.length, box), index]),
    dbf: dbf(
      fields,
      records.map((r) => r.values),
    ),
    prj,
  };
}

/** Zips files (deflate), with local headers, a central directory and its end record. */
export function zipFiles(files: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [],
    centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const comp = deflateRawSync(data);
    const crc = crc32(data);
    const nameB = Buffer.from(name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(0, 10);
    lh.writeUInt16LE(0x5987, 12); // 2024-12-07 00:00
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(nameB.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(0x5987, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(nameB.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, nameB, comp);
    centrals.push(ch, nameB);
    offset += 30 + nameB.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
