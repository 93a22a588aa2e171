// Transfer sizes the browser benches print: raw, gzip -9 and brotli q11 (node's zlib) per file,
// largest first, with their total.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1000;

/** The brotli q11 size of `bytes`. */
export function brotliSize(bytes) {
    return brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
    }).length;
}

/** Prints `title` and the sizes of `paths` (named relative to `base`); returns the total. */
export function printSizes(title, paths, base) {
    const rows = paths.map((path) => {
        const bytes = readFileSync(path);
        return { file: relative(base, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliSize(bytes) };
    }).sort((a, b) => b.raw - a.raw);
    const total = rows.reduce((sum, row) => ({
        raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli
    }), { raw: 0, gzip: 0, brotli: 0 });
    const width = Math.max(48, ...rows.map((row) => row.file.length + 2));
    const line = (label, row) => `  ${label.padEnd(width)} raw ${(row.raw / KB).toFixed(1).padStart(8)} KB  gzip ${(row.gzip / KB).toFixed(1).padStart(7)} KB  brotli ${(row.brotli / KB).toFixed(1).padStart(7)} KB`;
    console.log(`\n== ${title}`);
    for (const row of rows) console.log(line(row.file, row));
    console.log(line('TOTAL', total));
    return total;
}
