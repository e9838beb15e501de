import { z } from 'zod';

/** Where a run is: created → (receiving → validating) → valid | invalid → (applying) → applied | failed. */
export const IMPORT_STATUSES = ['created', 'receiving', 'validating', 'valid', 'invalid', 'applying', 'applied', 'failed'] as const;
export const ZImportStatus = z.enum(IMPORT_STATUSES);
export type TImportStatus = z.infer<typeof ZImportStatus>;

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export const ZImportEncoding = z.enum(IMPORT_ENCODINGS);
export const IMPORT_DELIMITERS = ['auto', ',', ';', '\t'] as const;
export const ZImportDelimiter = z.enum(IMPORT_DELIMITERS);

const ZLocalized = z.object({ es: z.string(), en: z.string() });

/**
 * How the file's columns feed the kind's fields: field name → source column (header text as in the file)
 * and/or a default used when the column is absent or the cell is empty.
 */
export const ZImportMapping = z.record(
  z.string().min(1).max(100),
  z
    .object({
      column: z.string().max(200).nullable().optional(),
      default: z.string().max(1000).optional(),
    })
    .strict(),
);
export type TImportMapping = z.infer<typeof ZImportMapping>;

/** One target field of an import kind. */
export const ZImportFieldInfo = z.object({
  name: z.string(),
  required: z.boolean(),
  label: ZLocalized,
  hint: ZLocalized.nullable(),
  aliases: z.array(z.string()),
});
export type TImportFieldInfo = z.infer<typeof ZImportFieldInfo>;

/** What the web and the CLI need to know about a kind. */
export const ZImportKindInfo = z.object({
  name: z.string(),
  title: ZLocalized,
  description: ZLocalized,
  fields: z.array(ZImportFieldInfo),
});
export type TImportKindInfo = z.infer<typeof ZImportKindInfo>;

/** Progress of a run being received, validated or applied (bytes of the stored file). */
export const ZImportProgress = z.object({
  phase: ZImportStatus,
  rowsRead: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  errors: z.number().int(),
});
export type TImportProgress = z.infer<typeof ZImportProgress>;

export const ZImportCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
});

/** One recorded import run. */
export const ZImportRun = z.object({
  id: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  encoding: ZImportEncoding,
  delimiter: ZImportDelimiter,
  mapping: ZImportMapping,
  options: z.record(z.string(), z.unknown()),
  headers: z.array(z.string()),
  status: ZImportStatus,
  counts: ZImportCounts,
  agency: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  validatedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  /** Present while the server is working on the run. */
  progress: ZImportProgress.nullable(),
});
export type TImportRun = z.infer<typeof ZImportRun>;

export const ZImportCreate = z
  .object({
    kind: z.string().min(1).max(50),
    fileName: z.string().trim().min(1).max(255),
    mapping: ZImportMapping.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    encoding: ZImportEncoding.default('utf-8'),
    delimiter: ZImportDelimiter.default('auto'),
  })
  .strict();
export type TImportCreate = z.infer<typeof ZImportCreate>;

/** Changing how a stored file is read, before validating it again. */
export const ZImportRevalidate = z
  .object({
    mapping: ZImportMapping.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    encoding: ZImportEncoding.optional(),
    delimiter: ZImportDelimiter.optional(),
  })
  .strict();
export type TImportRevalidate = z.infer<typeof ZImportRevalidate>;

/** One problem found in the file: where (line, column) and why, in both languages, with a stable code. */
export const ZImportRowError = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: ZLocalized,
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZImportListQuery = z
  .object({
    kind: z.string().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const ZImportErrorsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
