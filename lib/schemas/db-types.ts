import { z } from "zod";

/*
 * Input bounds from the database's column types (issue 11): a value the column cannot hold is a
 * validation error of the input, never a database error answered as INTERNAL_ERROR.
 */

/** PostgreSQL `integer` (serial ids such as Notification.id): at most 2^31 − 1. */
export const INT4_MAX = 2_147_483_647;

/** A positive serial id (`Int @id @default(autoincrement())`). */
export const serialId = z.coerce
  .number()
  .int("Use a whole number")
  .positive("Use a positive number")
  .max(INT4_MAX, "No such id");

