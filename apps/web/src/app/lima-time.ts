// Peru keeps UTC-5 all year (no daylight saving), so Lima days and times need no time-zone database. Validity of
// legal instruments, agreements and tasking periods is written in Lima days.

/** The offset of America/Lima, as ISO 8601 writes it. */
export const LIMA_OFFSET = '-05:00';

/** The America/Lima day (`YYYY-MM-DD`) of an instant; today by default. */
export const limaToday = (now: Date = new Date()): string => new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);

/** The instant a Lima day begins, as ISO 8601 with its offset. */
export const limaDayStart = (day: string): string => `${day}T00:00:00${LIMA_OFFSET}`;
