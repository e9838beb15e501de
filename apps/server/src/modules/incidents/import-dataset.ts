import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { TImportMapping, TImportProgress, TImportRowError, TImportRun } from '@enlace/contracts';
import type { Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { importCsvFile } from '../imports/import-csv-file.ts';

/** The real incident files shipped in ../shared/data/incidents (MIT package; City of Chicago / Vancouver open data). */
export const DATASETS = {
  chicago: {
    file: 'ashby_chicago_aggravated_assaults.csv.gz',
    title: '148,636 aggravated assaults, Chicago 2010-2019 (Crime Open Database, City of Chicago open data; MIT)',
    mapping: { x: { column: 'longitude' }, y: { column: 'latitude' }, occurredAt: { column: 'date' }, localCode: { default: 'AGGRAVATED ASSAULT' }, description: { column: 'loc_cat' }, sourceRef: { column: 'row_id' } },
    options: { source: 'CHICAGO', crs: 'EPSG:4326', timeZone: 'America/Chicago', classification: 'PUBLICO' },
  },
  vancouver: {
    file: 'ashby_vancouver_thefts.csv.gz',
    title: '21,918 thefts, Vancouver 2020, UTM 10N metres (Vancouver Police Department open data; MIT)',
    mapping: {
      x: { column: 'X' }, y: { column: 'Y' }, year: { column: 'YEAR' }, month: { column: 'MONTH' }, day: { column: 'DAY' }, hour: { column: 'HOUR' },
      minute: { column: 'MINUTE' }, localCode: { column: 'TYPE' }, address: { column: 'HUNDRED_BLOCK' }, description: { column: 'NEIGHBOURHOOD' }, sourceRef: { column: 'row_id' },
    },
    options: { source: 'VANCOUVER', crs: 'EPSG:32610', timeZone: 'America/Vancouver', classification: 'PUBLICO' },
  },
} as const satisfies Record<string, { file: string; title: string; mapping: TImportMapping; options: Record<string, unknown> }>;
export type DatasetName = keyof typeof DATASETS;

/** Where the shared data lives unless ENLACE_INCIDENT_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../../../../../shared/data/incidents');

/**
 * Writes the gzipped file as plain CSV with a `row_id` column: a digest of the row plus how many identical rows came
 * before it (the Chicago file repeats 111 rows, one per victim), so that every row has a stable identifier and a
 * re-import matches it again. Returns the number of data rows.
 */
async function withRowIds(source: string, target: string): Promise<number> {
  // pipe() does not pass a read error on: without this a missing file would leave the loop below waiting forever.
  const gunzip = createGunzip();
  const input = createReadStream(source).on('error', (err) => gunzip.destroy(err));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const out = createWriteStream(target);
  const seen = new Map<string, number>();
  let rows = -1;
  const chunks: string[] = [];
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (rows < 0) chunks.push(`${line},row_id\n`);
    else {
      const digest = createHash('sha256').update(line).digest('hex').slice(0, 24);
      const k = seen.get(digest) ?? 0;
      seen.set(digest, k + 1);
      chunks.push(`${line},${digest}-${k}\n`);
    }
    rows++;
    if (chunks.length >= 5000) out.write(chunks.splice(0).join(''));
  }
  out.end(chunks.join(''));
  await new Promise<void>((ok, fail) => out.on('finish', ok).on('error', fail));
  return rows;
}

/**
 * Imports one of the real incident files through the import engine (every row validated first, then one
 * transaction, idempotent: a second run creates nothing), as the given user: `enlace import-incidents chicago`.
 */
export async function importIncidentDataset({
  config,
  db,
  dataset,
  username,
  dataDir = process.env.ENLACE_INCIDENT_DATA_DIR ?? DEFAULT_DATA_DIR,
  onProgress,
}: {
  config: Config;
  db: Db;
  dataset: DatasetName;
  username: string;
  dataDir?: string;
  onProgress?: (p: TImportProgress) => void;
}): Promise<{ run: TImportRun; errors: TImportRowError[]; rows: number }> {
  const spec = DATASETS[dataset];
  const work = mkdtempSync(join(tmpdir(), 'enlace-dataset-'));
  try {
    const csv = join(work, spec.file.replace(/\.gz$/, ''));
    const file = join(dataDir, spec.file);
    if (!existsSync(file)) throw new Error(`${spec.file} is not in ${dataDir}: the real incident files live in ../shared/data/incidents (or set ENLACE_INCIDENT_DATA_DIR)`);
    const rows = await withRowIds(file, csv);
    const result = await importCsvFile({ config, db, username, kind: 'incidents', path: csv, mapping: spec.mapping, options: spec.options, delimiter: ',', apply: true, onProgress });
    return { ...result, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
