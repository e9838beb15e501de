import { describe, expect, it } from 'vitest';
import { StartupError, openDatabase } from './open-database.ts';

describe('opening the configured database', () => {
  it('fails at start with a message for a person when PostgreSQL cannot be reached', async () => {
    const err = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', dataDir: '/tmp' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/Cannot connect to PostgreSQL at DATABASE_URL/);
  });
});
