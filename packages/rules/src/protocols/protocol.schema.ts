import { z } from 'zod';
import { TASKS, ZEquipmentCategory, ZTask, ZTrainingArea } from '../codes.ts';
import { ZLadderLevel } from '../force/force-ladder.ts';

/**
 * Joint intervention protocols (issue 3 item 6). A procedure (joint patrol, checkpoint...) exists in a PNP version
 * and an FF.AA. version; each is versioned, and a version takes effect only when one approver of each force signs it.
 */

/** The procedures Enlace knows; more may be added as data, never renamed. */
export const PROTOCOL_PROCEDURES = [
  'PATRULLAJE_CONJUNTO',
  'PUESTO_CONTROL',
  'APOYO_CONTROL_MULTITUDES',
  'APREHENSION_ENTREGA',
  'PROTECCION_INSTALACION',
] as const;
export const ZProtocolProcedure = z.enum(PROTOCOL_PROCEDURES);
export type TProtocolProcedure = z.infer<typeof ZProtocolProcedure>;

/** Which force's version of the procedure: the PNP's or the armed forces' (EP, MGP, FAP under CCFFAA). */
export const PROTOCOL_FORCES = ['PNP', 'FFAA'] as const;
export const ZProtocolForce = z.enum(PROTOCOL_FORCES);
export type TProtocolForce = z.infer<typeof ZProtocolForce>;

/** pending: awaiting approvals; in_force: approved by both forces; superseded: a later version took effect. */
export const PROTOCOL_STATUSES = ['pending', 'in_force', 'superseded'] as const;
export const ZProtocolStatus = z.enum(PROTOCOL_STATUSES);
export type TProtocolStatus = z.infer<typeof ZProtocolStatus>;

const ZStepCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'an upper-case code such as IDENTIFICACION');
/** A bounded text in both languages: titles and descriptions of steps are short by nature. */
const text = (max: number) => z.object({ es: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict();

/**
 * One ordered step. `maxForceLevel` is the highest level of the DL 1186 art. 7 ladder the step may reach (the FF.AA.
 * ladder maps onto it, see FFAA_FORCE_LADDER); `equipment` and `training` are what a member needs for the step.
 * Steps are matched across versions by `code`.
 */
export const ZProtocolStep = z
  .object({
    code: ZStepCode,
    title: text(300),
    description: text(4000).optional(),
    maxForceLevel: ZLadderLevel,
    equipment: z.array(ZEquipmentCategory).max(20).default([]),
    training: z.array(ZTrainingArea).max(20).default([]),
  })
  .strict();
export type TProtocolStep = z.infer<typeof ZProtocolStep>;

/** Equipment the protocol requires: for every member, or a number for the whole unit (carried or pooled). */
export const ZProtocolEquipment = z
  .object({
    category: ZEquipmentCategory,
    scope: z.enum(['PER_MEMBER', 'PER_UNIT']),
    /** PER_MEMBER: items each member carries (1 in practice); PER_UNIT: items the unit holds in all. */
    quantity: z.number().int().min(1).max(1000).default(1),
  })
  .strict();
export type TProtocolEquipment = z.infer<typeof ZProtocolEquipment>;

/** The content of one protocol version, as drafted. */
export const ZProtocolDraft = z
  .object({
    procedure: ZProtocolProcedure,
    force: ZProtocolForce,
    title: text(300),
    /** Tasks of the catalogue the protocol governs; the tasking evaluator applies it to them. */
    tasks: z.array(ZTask).min(1).max(TASKS.length),
    steps: z.array(ZProtocolStep).min(1).max(100),
    /** Equipment the unit must have for the whole procedure (besides each step's). */
    equipment: z.array(ZProtocolEquipment).max(50).default([]),
    /** Training every member needs for the whole procedure (besides each step's). */
    training: z.array(ZTrainingArea).max(20).default([]),
    /** Legal references the protocol rests on, as written ("DL 1186, art. 7"). */
    legalRefs: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    notes: text(8000).optional(),
  })
  .strict()
  .superRefine((draft, ctx) => {
    const seen = new Set<string>();
    draft.steps.forEach((step, i) => {
      if (seen.has(step.code)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'code'], message: `step ${step.code} appears twice` });
      seen.add(step.code);
    });
    if (new Set(draft.tasks).size !== draft.tasks.length) ctx.addIssue({ code: 'custom', path: ['tasks'], message: 'a task appears twice' });
    // Alvarado Espinoza v. México: no investigative role for the military; no FF.AA. protocol may govern one.
    if (draft.force === 'FFAA' && draft.tasks.includes('INVESTIGACION_CRIMINAL')) {
      ctx.addIssue({ code: 'custom', path: ['tasks'], message: 'an FF.AA. protocol may not govern INVESTIGACION_CRIMINAL' });
    }
  });
export type TProtocolDraft = z.infer<typeof ZProtocolDraft>;
export type TProtocolDraftInput = z.input<typeof ZProtocolDraft>;

/** A recorded approval: who signed, for which force, when. */
export const ZProtocolApproval = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  agency: z.string(),
  side: ZProtocolForce,
  role: z.string(),
  approvedAt: z.string(),
});
export type TProtocolApproval = z.infer<typeof ZProtocolApproval>;

/** A stored protocol version. */
export const ZProtocolVersion = ZProtocolDraft.safeExtend({
  id: z.string(),
  version: z.number().int().min(1),
  status: ZProtocolStatus,
  approvals: z.array(ZProtocolApproval),
  /** When the second approval put it in force; null while pending. */
  inForceFrom: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type TProtocolVersion = z.infer<typeof ZProtocolVersion>;

/** What the tasking evaluator needs of a protocol in force. */
export type TProtocolInForce = Pick<TProtocolVersion, 'id' | 'procedure' | 'force' | 'version' | 'title' | 'tasks' | 'steps' | 'equipment' | 'training'>;
