import { request, type APIRequestContext } from 'playwright-core';
import { checkCharacter } from '../../../src/shared/id-number';
import { DEMO_PASSWORD } from './browser';

/** A valid Tianzhu (620623) identity number for a birth date; odd sequence for male, even for female. */
export function idNumberFor(birthDate: string, gender: 'male' | 'female'): string {
  const base = 100 + Math.floor(Math.random() * 400) * 2;
  const sequence = String(gender === 'male' ? base + 1 : base).padStart(3, '0');
  const first17 = `620623${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + checkCharacter(first17);
}

/** A signed-in API client, for setting up what a test does not drive through the browser. */
export async function apiAs(baseURL: string, username: string): Promise<{ api: APIRequestContext; csrf: string; close(): Promise<void> }> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`login of ${username} failed: ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: csrfToken, close: () => api.dispose() };
}

interface OrgNode {
  id: string;
  name: string;
  level: string;
  children: OrgNode[];
}

/** The first village of the caller's scope. */
export async function firstVillage(api: APIRequestContext): Promise<{ id: string; name: string }> {
  const roots = (await (await api.get('/api/orgs')).json()) as OrgNode[];
  const queue = [...roots];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node.level === 'village') return { id: node.id, name: node.name };
    queue.push(...node.children);
  }
  throw new Error('no village in scope');
}

/** Creates a person through the API and returns its id. */
export async function createPerson(client: { api: APIRequestContext; csrf: string }, body: Record<string, unknown>): Promise<string> {
  const reply = await client.api.post('/api/people', { data: body, headers: { 'X-CSRF-Token': client.csrf } });
  if (reply.status() !== 201) throw new Error(`create person: ${reply.status()} ${await reply.text()}`);
  return ((await reply.json()) as { id: string }).id;
}
