import { join } from 'node:path';

/** Where the newest signed checkpoint is written outside the database. */
export const auditHeadFile = (dataDir: string): string => join(dataDir, 'audit', 'head-checkpoint.json');

/** Where keys and certificates live. */
export const pkiDir = (dataDir: string): string => join(dataDir, 'pki');
