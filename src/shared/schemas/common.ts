import { z } from 'zod';

export const zId = z.uuid().describe('A UUID');

/** The codes of a code list (src/shared/codes.ts) as the tuple `z.enum` takes. */
export const codeKeys = <T extends Record<string, unknown>>(list: T) => Object.keys(list) as [keyof T & string, ...(keyof T & string)[]];

/** A member of staff as replies name them. */
export const zStaffRef = z.object({ id: zId, name: z.string() });

/** A calendar day, `YYYY-MM-DD`, counted in Asia/Shanghai. */
export const zDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'date.invalid')
  .describe('A calendar day, YYYY-MM-DD');

export const zVersion = z.number().int().min(1).describe('The version of the record you read (optimistic concurrency)');

export const zPageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, at most 200'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
};

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
  });
}

export const zErrorBody = z.object({
  error: z.object({
    code: z.string().describe('A stable error code, e.g. VALIDATION_FAILED'),
    message: z.string().describe("A message in the caller's language"),
    details: z.unknown().optional(),
  }),
});
