import { z } from 'zod';
import { ZAgencyCode, ZClassification, ZLanguage, ZRole } from './enums.ts';

/** A username: lower-case letters, digits, dot, dash, underscore. */
export const ZUsername = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, ".", "-" and "_" only');

export const ZPassword = z.string().min(10).max(256);

export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  agency: ZAgencyCode,
  role: ZRole,
  clearance: ZClassification,
  language: ZLanguage,
  active: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZLoginRequest = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZLoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: ZUser,
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZUserCreate = z
  .object({
    username: ZUsername,
    displayName: z.string().min(1).max(200),
    password: ZPassword,
    agency: ZAgencyCode,
    role: ZRole,
    clearance: ZClassification.optional(),
    language: ZLanguage.default('es'),
  })
  .strict();
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    displayName: z.string().min(1).max(200).optional(),
    password: ZPassword.optional(),
    agency: ZAgencyCode.optional(),
    role: ZRole.optional(),
    clearance: ZClassification.optional(),
    language: ZLanguage.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZAgency = z.object({
  code: ZAgencyCode,
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(['police', 'military', 'joint_command', 'ministry', 'oversight']),
  active: z.boolean(),
});
export type TAgency = z.infer<typeof ZAgency>;

export const ZAgencyUpdate = z
  .object({
    name: z.string().min(1).max(200).optional(),
    shortName: z.string().min(1).max(40).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type TAgencyUpdate = z.infer<typeof ZAgencyUpdate>;
