import type { FormInstance } from 'antd';
import { ApiError, errorText, issueField } from '../app/api';

/** The shortest password the server takes (src/shared/schemas/auth.ts, MIN_PASSWORD_LENGTH). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Puts the messages of a 400 VALIDATION_FAILED reply on the form's fields. Returns the text to
 * show above the form: the server's message when no field could take it, else null.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  if (error instanceof ApiError) {
    const issues = error.fieldIssues().filter((issue) => fields.includes(issueField(issue)));
    if (issues.length > 0) {
      const byField = new Map<string, string[]>();
      for (const issue of issues) {
        const field = issueField(issue);
        byField.set(field, [...(byField.get(field) ?? []), issue.message]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      return null;
    }
  }
  return errorText(error);
}
