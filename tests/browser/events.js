// Writes small TensorBoard event files for browser tests that need data no
// corpus file has (a narrow range, one point, values near the largest
// double, tags in Greek and CJK): TFRecord framing with masked CRC-32C, and
// just enough protobuf to encode Event { wall_time, step, file_version,
// summary { value { tag, metadata { plugin_data { plugin_name } }, tensor } } }.
'use strict';

// [SECTION] CRC-32C (Castagnoli), masked as TFRecord does
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32c(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function maskedCrc(buf) {
  const c = crc32c(buf);
  return ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

function record(data) {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(data.length));
  const lenCrc = Buffer.alloc(4);
  lenCrc.writeUInt32LE(maskedCrc(len));
  const dataCrc = Buffer.alloc(4);
  dataCrc.writeUInt32LE(maskedCrc(data));
  return Buffer.concat([len, lenCrc, data, dataCrc]);
}

// [SECTION] protobuf wire format
function varint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}
const key = (field, wire) => varint((field << 3) | wire);
const bytesField = (field, buf) => Buffer.concat([key(field, 2), varint(buf.length), buf]);
const stringField = (field, s) => bytesField(field, Buffer.from(s, 'utf8'));
const varintField = (field, n) => Buffer.concat([key(field, 0), varint(n)]);
function doubleField(field, x) {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return Buffer.concat([key(field, 1), b]);
}

// A scalar as TF2 writes it (a rank-0 tensor), here DT_DOUBLE so values up to
// the largest double survive.
function scalarValue(tag, value) {
  const metadata = bytesField(1, stringField(1, 'scalars'));          // plugin_data { plugin_name }
  const tensor = Buffer.concat([varintField(1, 2), bytesField(2, Buffer.alloc(0)), doubleField(6, value)]);
  return Buffer.concat([stringField(1, tag), bytesField(9, metadata), bytesField(8, tensor)]);
}

function event(step, body) {
  return record(Buffer.concat([doubleField(1, 1.7e9 + step), varintField(2, step), body]));
}

// An event file: the file_version record, then one event per [step, tag, value].
function scalarFile(points) {
  const parts = [record(Buffer.concat([doubleField(1, 1.7e9), stringField(3, 'brain.Event:2')]))];
  for (const [step, tag, value] of points) parts.push(event(step, bytesField(5, bytesField(1, scalarValue(tag, value)))));
  return Buffer.concat(parts);
}

// One part of a mesh as PyTorch writes it (DT_FLOAT float_val, shape
// [1, N, 3]) with MeshPluginData { name, content_type } (1 vertices, 2
// faces, 3 colours).
function meshPartValue(tag, name, contentType, values) {
  const plugin = Buffer.concat([stringField(2, name), varintField(3, contentType)]);
  const metadata = bytesField(1, Buffer.concat([stringField(1, 'mesh'), bytesField(2, plugin)]));
  const dims = [1, values.length / 3, 3].map((n) => bytesField(2, varintField(1, n)));
  const floats = Buffer.alloc(values.length * 4);
  values.forEach((x, i) => floats.writeFloatLE(x, i * 4));
  const tensor = Buffer.concat([varintField(1, 1), bytesField(2, Buffer.concat(dims)), bytesField(5, floats)]);
  return Buffer.concat([stringField(1, tag), bytesField(9, metadata), bytesField(8, tensor)]);
}

// An event file with one mesh at `step`: parts = [[contentType, values]...].
function meshFile(name, step, parts) {
  const suffix = { 1: '_VERTEX', 2: '_FACE', 3: '_COLOR' };
  const values = parts.map(([type, v]) => bytesField(1, meshPartValue(name + suffix[type], name, type, v)));
  return Buffer.concat([record(Buffer.concat([doubleField(1, 1.7e9), stringField(3, 'brain.Event:2')])),
    event(step, bytesField(5, Buffer.concat(values)))]);
}

// An event file of a session as TensorFlow's hp.hparams() logs it: after the
// file_version, _hparams_/session_start_info with `hparams` ({name: number or
// string}; HParamsPluginData field 3, HParamEntry key 1 / value 2, StructValue
// number_value 2 / string_value 3) as a metadata-only value; then the points.
function hparamsFile(hparams, points) {
  const entries = Object.entries(hparams).map(([k, v]) => bytesField(1, Buffer.concat([stringField(1, k),
    bytesField(2, typeof v === 'number' ? doubleField(2, v) : stringField(3, v))])));
  const plugin = bytesField(3, Buffer.concat(entries));
  const metadata = bytesField(1, Buffer.concat([stringField(1, 'hparams'), bytesField(2, plugin)]));
  const value = Buffer.concat([stringField(1, '_hparams_/session_start_info'), bytesField(9, metadata)]);
  const scalars = scalarFile(points);
  const version = record(Buffer.concat([doubleField(1, 1.7e9), stringField(3, 'brain.Event:2')]));
  return Buffer.concat([version, event(0, bytesField(5, bytesField(1, value))), scalars.subarray(version.length)]);
}

module.exports = { scalarFile, meshFile, hparamsFile, crc32c };
