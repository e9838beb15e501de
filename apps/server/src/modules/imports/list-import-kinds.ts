import type { TImportKindInfo, TImportMapping } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { autoMap } from '../../platform/import/column-mapping.ts';
import type { AnyImportKind } from '../../platform/import/import-kind.ts';
import { assertMayImport, kindNamed, mayImport } from './import-access.ts';
import { IMPORT_KINDS } from './import-kinds.ts';

const info = (k: AnyImportKind): TImportKindInfo => ({
  name: k.name,
  title: k.title,
  description: k.description,
  fields: k.fields.map((f) => ({ name: f.name, required: f.required, label: f.label, hint: f.hint ?? null, aliases: [...(f.aliases ?? [])] })),
});

/** The kinds the actor's role may import, with their fields (for the mapping screen and the CLI). */
export function listImportKinds(actor: Actor): TImportKindInfo[] {
  return IMPORT_KINDS.filter((k) => mayImport(actor, k)).map(info);
}

/** The mapping a header suggests for a kind (the web shows it for editing before uploading the file). */
export function suggestMapping(actor: Actor, kindName: string, headers: readonly string[]): TImportMapping {
  const kind = kindNamed(kindName);
  assertMayImport(actor, kind);
  return autoMap(kind.fields, headers);
}
