import { z } from 'zod';
import { ZRecordLabels } from './common.ts';
import { ZClassification, ZForce } from './enums.ts';
import { ZDepartmentUbigeo, ZDistrictUbigeo } from './geography.ts';

/**
 * Training: the course catalogue (data), sessions with trainers, attendance and results, certificates that expire
 * and can be revoked and verified without logging in, and joint exercises of both forces.
 */

/**
 * Training areas, with the same codes as the legal evaluator's (`@enlace/rules` TRAINING_AREAS): a certificate's
 * area is what the evaluator and the readiness standard check.
 */
export const COURSE_AREAS = [
  'CONTROL_MULTITUDES',
  'PERSUASION_NEGOCIACION',
  'INTELIGENCIA_POLICIAL',
  'NORMAS_LEGALES',
  'DERECHOS_HUMANOS',
  'ANALISIS_CRISIS_ORDEN_PUBLICO',
  'PLANEAMIENTO_MILITAR_POLICIAL',
  'PROCEDIMIENTOS_DETENCION',
  'SEGURIDAD_DE_LA_FUERZA',
  'ANALISIS_LEGAL_OPERACIONES',
  'MARCO_LEGAL_USO_FUERZA',
  'PRIMEROS_AUXILIOS',
] as const;
export const ZCourseArea = z.enum(COURSE_AREAS);
export type TCourseArea = z.infer<typeof ZCourseArea>;

const ZIsoDay = z.iso.date();

/** A course of the catalogue. Passing it gives a certificate in its area, valid `validityMonths` months. */
export const ZCourse = z.object({
  code: z.string(),
  area: ZCourseArea,
  nameEs: z.string(),
  nameEn: z.string(),
  hours: z.number().int(),
  /** Validity of the certificate; recertification is due at its end. */
  validityMonths: z.number().int(),
  descriptionEs: z.string(),
  descriptionEn: z.string(),
  /** Legal references the course teaches or rests on. */
  legalRefs: z.array(z.string()),
  active: z.boolean(),
});
export type TCourse = z.infer<typeof ZCourse>;

export const ZCourseCode = z.string().trim().regex(/^[A-Z0-9_]{2,60}$/, 'upper-case letters, digits and underscores');

export const ZCourseCreate = z
  .object({
    code: ZCourseCode,
    area: ZCourseArea,
    nameEs: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    hours: z.number().int().min(1).max(2000),
    validityMonths: z.number().int().min(1).max(120),
    descriptionEs: z.string().trim().max(4000).default(''),
    descriptionEn: z.string().trim().max(4000).default(''),
    legalRefs: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .strict();
export type TCourseCreate = z.infer<typeof ZCourseCreate>;

// ---------------------------------------------------------------------------------------------------------------
// Sessions, attendance and results
// ---------------------------------------------------------------------------------------------------------------

export const SESSION_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export const ZSessionStatus = z.enum(SESSION_STATUSES);

/** A session of a course, organised by a unit, with its trainers. */
export const ZTrainingSession = z.object({
  id: z.uuid(),
  courseCode: z.string(),
  unitId: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  location: z.string(),
  ubigeo: z.string().nullable(),
  trainers: z.array(z.string()),
  capacity: z.number().int(),
  status: ZSessionStatus,
  /** Number of attendance records and of passed results. */
  enrolled: z.number().int(),
  passed: z.number().int(),
  ...ZRecordLabels.shape,
});
export type TTrainingSession = z.infer<typeof ZTrainingSession>;

export const ZTrainingSessionCreate = z
  .object({
    courseCode: ZCourseCode,
    unitId: z.uuid(),
    title: z.string().trim().min(1).max(200).optional(),
    startsOn: ZIsoDay,
    endsOn: ZIsoDay,
    location: z.string().trim().min(1).max(200),
    ubigeo: ZDistrictUbigeo.nullable().optional(),
    trainers: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    capacity: z.number().int().min(1).max(1000).default(30),
    classification: ZClassification.default('PUBLICO'),
    exercise: z.boolean().default(false),
  })
  .strict()
  .refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'ends before it starts' });
export type TTrainingSessionCreate = z.infer<typeof ZTrainingSessionCreate>;

export const ZTrainingSessionListQuery = z
  .object({
    unitId: z.uuid().optional(),
    courseCode: ZCourseCode.optional(),
    from: ZIsoDay.optional(),
    to: ZIsoDay.optional(),
    status: ZSessionStatus.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const TRAINING_RESULTS = ['passed', 'failed', 'incomplete'] as const;
export const ZTrainingResult = z.enum(TRAINING_RESULTS);
export type TTrainingResult = z.infer<typeof ZTrainingResult>;

/** One member's attendance and result in a session. */
export const ZTrainingRecord = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  attended: z.boolean(),
  result: ZTrainingResult.nullable(),
  score: z.number().nullable(),
  remarks: z.string().nullable(),
  /** The certificate issued from a passed result, if any. */
  certificateId: z.uuid().nullable(),
});
export type TTrainingRecord = z.infer<typeof ZTrainingRecord>;

export const ZTrainingRecordInput = z
  .object({
    personId: z.uuid(),
    attended: z.boolean(),
    result: ZTrainingResult.nullable().optional(),
    score: z.number().min(0).max(100).nullable().optional(),
    remarks: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type TTrainingRecordInput = z.infer<typeof ZTrainingRecordInput>;

/** `PUT /training/sessions/:id/records`: attendance and results; passed results get a certificate unless told not. */
export const ZTrainingRecordsBody = z
  .object({
    records: z.array(ZTrainingRecordInput).min(1).max(1000),
    issueCertificates: z.boolean().default(true),
    /** Marks the session completed. */
    complete: z.boolean().default(false),
  })
  .strict();
export type TTrainingRecordsBody = z.infer<typeof ZTrainingRecordsBody>;

// ---------------------------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------------------------

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export const ZCertificateStatus = z.enum(CERTIFICATE_STATUSES);
export type TCertificateStatus = z.infer<typeof ZCertificateStatus>;

/**
 * A verification code: 26 base32 characters (RFC 4648 alphabet, no padding) = 130 random bits, so certificates
 * cannot be enumerated. Accepted case-insensitively, with or without dashes.
 */
export const CERTIFICATE_CODE_PATTERN = /^[A-Z2-7]{26}$/;

/** A certificate as its holder's organisation sees it. */
export const ZCertificate = z.object({
  id: z.uuid(),
  code: z.string(),
  personId: z.uuid(),
  holderName: z.string(),
  courseCode: z.string(),
  area: ZCourseArea,
  sessionId: z.uuid().nullable(),
  issuedOn: z.string(),
  /** Last day of validity, inclusive. */
  validUntil: z.string(),
  status: ZCertificateStatus,
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** Path of the public verification page (`/verify/<code>`). */
  verifyPath: z.string(),
  ...ZRecordLabels.shape,
});
export type TCertificate = z.infer<typeof ZCertificate>;

/** Issue a certificate directly (e.g. recognising training given elsewhere); usually they come from results. */
export const ZCertificateCreate = z
  .object({
    personId: z.uuid(),
    courseCode: ZCourseCode,
    issuedOn: ZIsoDay,
    /** Defaults to issuedOn + the course's validity. */
    validUntil: ZIsoDay.optional(),
    sessionId: z.uuid().nullable().optional(),
  })
  .strict();
export type TCertificateCreate = z.infer<typeof ZCertificateCreate>;

export const ZCertificateRevoke = z.object({ reason: z.string().trim().min(3).max(2000) }).strict();

export const ZCertificateListQuery = z
  .object({
    personId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    courseCode: ZCourseCode.optional(),
    status: ZCertificateStatus.optional(),
    /** Valid certificates whose last day falls within this many days. */
    expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
    /** Holders in units of this force, or whose unit is based in this department (as the national readiness view). */
    force: ZForce.optional(),
    department: ZDepartmentUbigeo.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/**
 * What the public verification shows, and nothing more: for a valid or expired certificate the holder's name, the
 * course and the validity; for a revoked or unknown code only that.
 */
export const ZCertificateVerification = z
  .object({
    status: z.enum(['valid', 'expired', 'revoked', 'unknown']),
    holderName: z.string().optional(),
    course: z.object({ code: z.string(), nameEs: z.string(), nameEn: z.string() }).strict().optional(),
    issuedOn: z.string().optional(),
    validUntil: z.string().optional(),
  })
  .strict();
export type TCertificateVerification = z.infer<typeof ZCertificateVerification>;

// ---------------------------------------------------------------------------------------------------------------
// Joint exercises
// ---------------------------------------------------------------------------------------------------------------

export const EXERCISE_RATINGS = ['satisfactory', 'needs_improvement', 'unsatisfactory'] as const;
export const ZExerciseRating = z.enum(EXERCISE_RATINGS);

export const ZLesson = z
  .object({
    observation: z.string().trim().min(1).max(2000),
    recommendation: z.string().trim().min(1).max(2000),
    responsible: z.string().trim().max(200).optional(),
  })
  .strict();
export type TLesson = z.infer<typeof ZLesson>;

export const ZExerciseEvaluation = z
  .object({ rating: ZExerciseRating, summary: z.string().trim().min(1).max(4000), evaluator: z.string().trim().min(1).max(200) })
  .strict();

/** A joint exercise with the PNP: units of both forces, a scenario, an evaluation and lessons learned. */
export const ZJointExercise = z.object({
  id: z.uuid(),
  name: z.string(),
  scenario: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  ubigeo: z.string().nullable(),
  units: z.array(z.object({ unitId: z.uuid(), force: z.string(), name: z.string(), role: z.string() })),
  evaluation: ZExerciseEvaluation.nullable(),
  lessons: z.array(ZLesson),
  ...ZRecordLabels.shape,
});
export type TJointExercise = z.infer<typeof ZJointExercise>;

export const ZJointExerciseCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    scenario: z.string().trim().min(1).max(8000),
    startsOn: ZIsoDay,
    endsOn: ZIsoDay,
    ubigeo: ZDistrictUbigeo.nullable().optional(),
    /** At least one PNP unit and one unit of the armed forces. */
    units: z
      .array(z.object({ unitId: z.uuid(), role: z.string().trim().min(1).max(200) }).strict())
      .min(2)
      .max(50),
    classification: ZClassification.default('PUBLICO'),
  })
  .strict()
  .refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'ends before it starts' });
export type TJointExerciseCreate = z.infer<typeof ZJointExerciseCreate>;

export const ZJointExerciseEvaluate = z
  .object({ evaluation: ZExerciseEvaluation, lessons: z.array(ZLesson).max(100).default([]) })
  .strict();
export type TJointExerciseEvaluate = z.infer<typeof ZJointExerciseEvaluate>;
