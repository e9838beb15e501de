import type { ResourceLabel } from '@enlace/access';

/**
 * `agency:classification` keys of the labels a subject may read (from `readableLabels`, i.e. from `authorize`),
 * to bind as one text[] parameter of `labelPredicate`.
 */
export const labelKeys = (labels: readonly ResourceLabel[]): string[] => labels.map((l) => `${l.agency}:${l.classification}`);

/** SQL: the row's owning agency and classification are among the bound label keys (parameter `$n`). */
export const labelPredicate = (n: number, alias = ''): string =>
  `(${alias}agency || ':' || ${alias}classification) = ANY($${n}::text[])`;
