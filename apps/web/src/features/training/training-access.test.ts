import { describe, expect, it } from 'vitest';
import type { TClassification, TRole } from '@enlace/contracts';
import type { TSessionInfo } from '../auth/auth-api.ts';
import { classificationsWithin, mayWriteTraining } from './training-access.ts';

const session = (role: TRole, agency: 'EP' | 'PNP', clearance: TClassification): TSessionInfo => ({
  user: {
    id: '5a8e6b7c-3d9f-4e1a-8b6c-7d8e9fa0b1c2', username: 'u', displayName: 'U', agency, role, clearance, language: 'es', active: true,
    createdAt: '2026-01-01T00:00:00Z',
  },
  agency: { code: agency, name: agency, kind: 'force' } as unknown as TSessionInfo['agency'],
  permissions: [],
});

describe('who may change a training record', () => {
  it('a trainer or commander of the owning agency, within clearance', () => {
    expect(mayWriteTraining(session('trainer', 'EP', 'CONFIDENCIAL'), { agency: 'EP', classification: 'PUBLICO' })).toBe(true);
    expect(mayWriteTraining(session('commander', 'PNP', 'SECRETO'), { agency: 'PNP', classification: 'RESERVADO' })).toBe(true);
  });

  it('not another agency, not above clearance, not a role without training:write', () => {
    expect(mayWriteTraining(session('trainer', 'EP', 'CONFIDENCIAL'), { agency: 'PNP', classification: 'PUBLICO' })).toBe(false);
    expect(mayWriteTraining(session('trainer', 'EP', 'CONFIDENCIAL'), { agency: 'EP', classification: 'RESERVADO' })).toBe(false);
    expect(mayWriteTraining(session('planner', 'EP', 'SECRETO'), { agency: 'EP', classification: 'PUBLICO' })).toBe(false);
  });

  it('offers new records only the classifications within the user\'s clearance', () => {
    expect(classificationsWithin(session('trainer', 'EP', 'CONFIDENCIAL'))).toEqual(['PUBLICO', 'CONFIDENCIAL']);
    expect(classificationsWithin(session('commander', 'PNP', 'SECRETO'))).toHaveLength(4);
  });
});
