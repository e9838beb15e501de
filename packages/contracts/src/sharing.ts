import { z } from 'zod';
import { ZRecordLabels } from './common.ts';
import { ZAgencyCode, ZClassification } from './enums.ts';
import { ZCrimeType, ZLonLat } from './incidents.ts';

/**
 * Incident fields an agreement may share. Victim identities are not in this list and can never be shared
 * (Ley 29733, protección de datos personales); `victimCount` is a number, not an identity.
 */
export const SHAREABLE_FIELDS = ['crimeType', 'localCode', 'occurredAt', 'location', 'ubigeo', 'address', 'description', 'victimCount', 'suspectCount'] as const;
export const ZShareableField = z.enum(SHAREABLE_FIELDS);
export type TShareableField = z.infer<typeof ZShareableField>;

export const ZIsoDay = z.iso.date();

/** A new agreement: tied to a legal instrument (its area and period) or to a joint exercise. */
export const ZAgreementCreate = z
  .object({
    title: z.string().trim().min(1).max(300),
    recipientAgency: ZAgencyCode,
    /** The FF.AA. unit the data is for (informational: access is granted to the recipient agency's users). */
    recipientUnitId: z.uuid().optional(),
    instrumentId: z.string().min(1).max(128).optional(),
    exerciseId: z.uuid().optional(),
    /** Within the instrument's validity; default: the instrument's whole period. */
    validFrom: ZIsoDay.optional(),
    validTo: ZIsoDay.optional(),
    /** Oldest incidents shared (default: validFrom). */
    dataFrom: ZIsoDay.optional(),
    fields: z.array(ZShareableField).min(1).max(SHAREABLE_FIELDS.length),
    /** Crime types shared; empty or absent: all. */
    crimeTypes: z.array(ZCrimeType).max(20).optional(),
    /** Highest classification of the incidents shared. */
    maxClassification: ZClassification.default('RESERVADO'),
    classification: ZClassification.default('RESERVADO'),
  })
  .strict()
  .refine((v) => (v.instrumentId === undefined) !== (v.exerciseId === undefined), {
    message: 'exactly one of instrumentId or exerciseId is required',
    path: ['instrumentId'],
  });
export type TAgreementCreate = z.infer<typeof ZAgreementCreate>;

/**
 * Decided at every read: `ended` by its owner; `basis_revoked` when the instrument it rests on (or one that instrument
 * extends) was revoked within its period, from the revocation day on; `expired` when its period, or its instrument's
 * validity, is over; `scheduled` before it starts; `active` only while all of that allows access.
 */
export const ZAgreementStatus = z.enum(['scheduled', 'active', 'expired', 'ended', 'basis_revoked']);

/** The revocation that cuts an agreement's legal basis short: of its instrument or of one the instrument extends. */
export const ZAgreementBasisRevocation = z.object({
  /** The revoked instrument (the agreement's own, or the decree its instrument extends). */
  instrumentId: z.string(),
  /** First America/Lima day without a basis: access ends when it begins. */
  revokedOn: z.string(),
  /** The instrument that revoked it ("DS 130-2025-PCM"). */
  revokingInstrument: z.string(),
});

export const ZAgreement = z
  .object({
    id: z.uuid(),
    title: z.string(),
    ownerAgency: ZAgencyCode,
    recipientAgency: ZAgencyCode,
    recipientUnitId: z.string().nullable(),
    basisKind: z.enum(['instrument', 'exercise']),
    instrumentId: z.string().nullable(),
    exerciseId: z.string().nullable(),
    areaUbigeo: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string(),
    dataFrom: z.string(),
    fields: z.array(ZShareableField),
    crimeTypes: z.array(ZCrimeType),
    maxClassification: ZClassification,
    status: ZAgreementStatus,
    /** The days the agreement really grants (or granted) access: its period within its basis's validity as the registry now stands, up to the day its owner ended it; null when none is left. */
    effectiveValidFrom: z.string().nullable(),
    effectiveValidTo: z.string().nullable(),
    basisRevocation: ZAgreementBasisRevocation.nullable(),
    endedAt: z.string().nullable(),
    endedBy: z.string().nullable(),
    endReason: z.string().nullable(),
    createdBy: z.string(),
  })
  .extend(ZRecordLabels.shape);
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZAgreementEnd = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

/** An incident as seen through an agreement: the fields not shared are null. */
export const ZSharedIncident = z.object({
  id: z.uuid(),
  crimeType: ZCrimeType.nullable(),
  localCode: z.string().nullable(),
  occurredAt: z.string().nullable(),
  location: ZLonLat.nullable(),
  ubigeo: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  victimCount: z.number().nullable(),
  suspectCount: z.number().nullable(),
  /**
   * Set where the crime type protects its victims (family or sexual violence): the legal reference under which the
   * address and description are withheld and the point is given only as the centre of a cell of about 550 m.
   */
  victimProtection: z.string().nullable(),
});
export type TSharedIncident = z.infer<typeof ZSharedIncident>;

export const ZSharedIncidentQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const ZSharedIncidentPage = z.object({
  agreementId: z.uuid(),
  fields: z.array(ZShareableField),
  items: z.array(ZSharedIncident),
  total: z.number(),
});

/** One read through an agreement, for oversight: who saw which incidents, when. */
export const ZSharingRead = z.object({
  id: z.number(),
  agreementId: z.uuid(),
  actor: z.string(),
  agency: z.string(),
  at: z.string(),
  incidentIds: z.array(z.string()),
  fields: z.array(z.string()),
});
export type TSharingRead = z.infer<typeof ZSharingRead>;
