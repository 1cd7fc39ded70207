/**
 * The normalization tables as the bundles carry them: the two typed arrays in base64, written by
 * esbuild.mjs and read back at start (decoding 192 KB natively is cheaper than looping over 65,536
 * code units in a cold start).
 */
import type { NormalizationTables } from './core';

export function encodeTables(tables: NormalizationTables): { fold: string; flags: string } {
  const bytes = (a: Uint16Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return { fold: bytes(tables.fold), flags: bytes(tables.flags) };
}

export function decodeTables(encoded: { fold: string; flags: string }): NormalizationTables {
  const fold = new Uint16Array(0x10000);
  const flags = new Uint8Array(0x10000);
  new Uint8Array(fold.buffer).set(Buffer.from(encoded.fold, 'base64'));
  flags.set(Buffer.from(encoded.flags, 'base64'));
  return { fold, flags };
}
