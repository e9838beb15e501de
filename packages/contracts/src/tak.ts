import { z } from 'zod';
import { ZAgencyCode, ZClassification } from './enums.ts';

/**
 * TAK (ATAK, iTAK, WinTAK) enrolment: client certificates for the CoT TLS port, issued by Enlace's internal CA to
 * one user each, delivered as a TAK data package, listed and revoked by an administrator.
 */

/** A device callsign as TAK shows it. */
export const ZTakCallsign = z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, space, ".", "-", "_"');

/** A certificate as listed (the private key is never stored). */
export const ZTakCertificate = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  username: z.string(),
  agency: ZAgencyCode,
  callsign: z.string(),
  subject: z.string(),
  /** Hexadecimal serial number, as in the CRL. */
  serial: z.string(),
  /** SHA-256 of the DER certificate, hexadecimal. */
  fingerprint: z.string(),
  issuedAt: z.string(),
  notAfter: z.string(),
  status: z.enum(['active', 'revoked', 'expired']),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});
export type TTakCertificate = z.infer<typeof ZTakCertificate>;

/** `POST /api/v1/tak/enrollments`: issue a certificate for a user and build the data package. */
export const ZTakEnrollmentCreate = z
  .object({
    userId: z.uuid(),
    /** Callsign preset on the device (default: the username). */
    callsign: ZTakCallsign.optional(),
    /** Validity in days (default ENLACE_COT_CERTIFICATE_DAYS, at most 825). */
    validDays: z.number().int().min(1).max(825).optional(),
  })
  .strict();
export type TTakEnrollmentCreate = z.infer<typeof ZTakEnrollmentCreate>;

/**
 * The result of an enrolment: the certificate, and the data package (a zip, base64) the phone imports in one step
 * (ATAK: Import > Local SD). The package carries the .p12 password in its connection preference, as TAK data
 * packages do, so the package itself is the secret: hand it over in person or over an encrypted channel.
 */
export const ZTakEnrollment = z.object({
  certificate: ZTakCertificate,
  fileName: z.string(),
  dataPackage: z.string(),
  packagePassword: z.string(),
  /** Where the device will connect (`host:port:ssl`). */
  connectString: z.string(),
});
export type TTakEnrollment = z.infer<typeof ZTakEnrollment>;

export const ZTakCertificateListQuery = z
  .object({
    userId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const ZTakRevoke = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export type TTakRevoke = z.infer<typeof ZTakRevoke>;

/** A connected TAK client, as the administrator sees it. */
export const ZTakConnection = z.object({
  id: z.string(),
  transport: z.enum(['tcp', 'tls']),
  remote: z.string(),
  username: z.string().nullable(),
  agency: ZAgencyCode.nullable(),
  uids: z.array(z.string()),
  protocol: z.enum(['xml', 'protobuf']),
  connectedAt: z.string(),
  received: z.number().int(),
  sent: z.number().int(),
  dropped: z.number().int(),
});
export type TTakConnection = z.infer<typeof ZTakConnection>;

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());

/** Read permissions a drawing sent to TAK clients may require. */
export const DRAWING_PERMISSIONS = ['track:read', 'unit:read', 'incident:read', 'legal:read', 'geofence:read'] as const;
export type TDrawingPermission = (typeof DRAWING_PERMISSIONS)[number];

/**
 * Something the command post shows to TAK clients as CoT (payload of the bus subject `cop.drawing`): a task or
 * legal area as a polygon drawing (`u-d-f`), an incident or a unit as a point with its CoT type. `removed` takes it
 * off the phones (`t-x-d-d`). Filtered per client by agency and classification like every other item.
 */
export const ZCopDrawing = z.object({
  uid: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Point'), coordinates: ZPosition }),
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(ZPosition).min(4)).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(ZPosition).min(4)).min(1)).min(1) }),
  ]),
  /** CoT type of a point (`a-f-G-U-C` unit, `a-h-G` hostile, `b-r-f-h-c` incident...); polygons are `u-d-f`. */
  cotType: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/).optional(),
  /** CSS hex colours of a polygon. */
  stroke: z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/).optional(),
  fill: z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/).optional(),
  remarks: z.string().max(2000).optional(),
  /** How long phones keep it without a refresh (default 24 h). */
  staleSeconds: z.number().int().min(10).max(30 * 86400).optional(),
  removed: z.boolean().optional(),
  /**
   * What a receiver must be allowed to read to get it (with the agency and classification below): units, incidents,
   * legal instruments and geofences each have their own permission; ad-hoc drawings default to `track:read`.
   */
  permission: z.enum(DRAWING_PERMISSIONS).optional(),
  agency: ZAgencyCode,
  classification: ZClassification,
  /**
   * Agencies besides the owner whose readers also receive it, each reader with its own permission and clearance at
   * this classification: the joint command posts for a unit's lawful task area.
   */
  audience: z.array(ZAgencyCode).max(10).optional(),
});
export type TCopDrawing = z.infer<typeof ZCopDrawing>;
export const ZCopDrawingBusEvent = z.object({ drawings: z.array(ZCopDrawing).max(10_000) });
export type TCopDrawingBusEvent = z.infer<typeof ZCopDrawingBusEvent>;

/**
 * Colours of the picture's areas, one convention for the web map, the legal screens and the drawings sent to TAK
 * phones: a legal instrument's area by its scenario (S1 to S4; grey without one), a unit's lawful task area apart from
 * all of them and from the amber and red of drawn areas and geofences.
 */
export const PICTURE_COLORS = {
  scenario: {
    FFAA_CONTROL_GRUPO_HOSTIL: '#d64545',
    FFAA_CONTROL_OSV: '#e0822f',
    APOYO_PNP_CON_EE: '#3b8fd9',
    APOYO_PNP_SIN_EE: '#3aa37a',
  },
  noScenario: '#8a8f98',
  taskArea: '#c026d3',
} as const;
