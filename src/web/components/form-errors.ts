import type { FormInstance } from 'antd';
import type { FieldIssue } from '../app/types';
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

/** A form field's name as antd takes it: `'phone'` or `['child', 'guardian', 'phone']`. */
export type FieldName = string | Array<string | number>;

function issueSegments(issue: FieldIssue): string[] {
  return typeof issue.path === 'string' ? issue.path.split('.').filter(Boolean) : issue.path.map(String);
}

/**
 * Like applyServerErrors, for nested forms: `toField` turns an issue's path segments
 * (`['child', 'parents', '0', 'phone']`) into the form field that shows it, or null when no
 * field can. Issues no field takes are returned as text for the top of the form.
 */
export function applyNestedServerErrors(
  form: FormInstance,
  error: unknown,
  toField: (segments: string[]) => FieldName | null,
): string | null {
  if (!(error instanceof ApiError)) return errorText(error);
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const leftOver: string[] = [];
  for (const issue of error.fieldIssues()) {
    const name = toField(issueSegments(issue));
    if (name === null) {
      leftOver.push(issue.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  if (byField.size > 0) form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  if (byField.size > 0 && leftOver.length === 0) return null;
  return leftOver.length > 0 ? leftOver.join(' ') : error.message;
}
