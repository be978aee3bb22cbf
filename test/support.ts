/** Test helpers shared by suites. */

/** The PostgreSQL server tests run against, when one is configured (CI sets it; see README). */
export const serverUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
