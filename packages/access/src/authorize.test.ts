import { describe, expect, it } from 'vitest';
import { authorize, authorizeShared, readableLabels } from './authorize.ts';
import type { Subject } from './authorize.ts';
import { JOINT_COMMAND_POSTS } from './policy-data.ts';

const user = (s: Partial<Subject>): Subject => ({ userId: 'u', role: 'operator', agency: 'PNP', clearance: 'RESERVADO', ...s });

describe('authorize', () => {
  it('refuses a permission the role lacks before looking at the record', () => {
    expect(authorize(user({ role: 'trainer' }), 'geofence:read', { agency: 'PNP', classification: 'PUBLICO' })).toEqual({ allow: false, reason: 'ROLE_NOT_PERMITTED' });
  });

  it('refuses a record above the clearance, even of the own agency', () => {
    expect(authorize(user({ clearance: 'CONFIDENCIAL' }), 'track:read', { agency: 'PNP', classification: 'RESERVADO' })).toEqual({ allow: false, reason: 'CLEARANCE_TOO_LOW' });
  });

  it('keeps cross-force reads to public records, and writes to the own agency', () => {
    const pnp = user({});
    expect(authorize(pnp, 'track:read', { agency: 'EP', classification: 'CONFIDENCIAL' })).toEqual({ allow: false, reason: 'OTHER_AGENCY' });
    expect(authorize(pnp, 'track:read', { agency: 'EP', classification: 'PUBLICO' }).allow).toBe(true);
    expect(authorize(pnp, 'track:write', { agency: 'EP', classification: 'PUBLICO' })).toEqual({ allow: false, reason: 'OTHER_AGENCY' });
  });

  it('derives the list filter from the decision itself', () => {
    const labels = readableLabels(user({ agency: 'EP', clearance: 'CONFIDENCIAL' }), 'track:read');
    expect(labels).toContainEqual({ agency: 'EP', classification: 'CONFIDENCIAL' });
    expect(labels).toContainEqual({ agency: 'CCFFAA', classification: 'CONFIDENCIAL' });
    expect(labels).not.toContainEqual({ agency: 'EP', classification: 'RESERVADO' });
    expect(labels).not.toContainEqual({ agency: 'PNP', classification: 'CONFIDENCIAL' });
  });
});

describe('authorizeShared', () => {
  const armyTask = { agency: 'EP', classification: 'CONFIDENCIAL' } as const;

  it('lets the joint command posts read a record shared with them, within their clearance and permission', () => {
    expect(JOINT_COMMAND_POSTS).toEqual(['PNP', 'CCFFAA']);
    expect(authorizeShared(user({ role: 'commander' }), 'geofence:read', armyTask, JOINT_COMMAND_POSTS).allow).toBe(true);
    expect(authorize(user({ role: 'commander' }), 'geofence:read', armyTask).allow, 'not without the audience').toBe(false);
    expect(authorizeShared(user({ clearance: 'PUBLICO' }), 'geofence:read', armyTask, JOINT_COMMAND_POSTS)).toEqual({ allow: false, reason: 'CLEARANCE_TOO_LOW' });
    expect(authorizeShared(user({ role: 'trainer' }), 'geofence:read', armyTask, JOINT_COMMAND_POSTS)).toEqual({ allow: false, reason: 'ROLE_NOT_PERMITTED' });
  });

  it('gives nothing to an agency outside the audience, even one that reads an audience agency’s records', () => {
    expect(authorize(user({ agency: 'MGP' }), 'geofence:read', { agency: 'CCFFAA', classification: 'CONFIDENCIAL' }).allow, 'the navy reads the joint command').toBe(true);
    expect(authorizeShared(user({ agency: 'MGP' }), 'geofence:read', armyTask, JOINT_COMMAND_POSTS)).toEqual({ allow: false, reason: 'OTHER_AGENCY' });
    expect(authorizeShared(user({ agency: 'CCFFAA', role: 'commander' }), 'geofence:read', armyTask, JOINT_COMMAND_POSTS).allow).toBe(true);
    expect(authorizeShared(user({ agency: 'EP' }), 'geofence:read', { agency: 'PNP', classification: 'CONFIDENCIAL' }, ['CCFFAA'])).toEqual({ allow: false, reason: 'OTHER_AGENCY' });
  });

  it('never turns a shared read into a write', () => {
    expect(authorizeShared(user({ role: 'admin' }), 'geofence:write', armyTask, JOINT_COMMAND_POSTS)).toEqual({ allow: false, reason: 'OTHER_AGENCY' });
  });
});
