import { z } from 'zod';
import { zId, zVersion } from './common';

export const ORG_LEVELS = ['county', 'station', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

const zOrgName = z.string().trim().min(1, 'name.blank').max(60);

export interface OrgNode {
  id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  code: string | null;
  version: number;
  children: OrgNode[];
}

export const zOrg = z.object({
  id: zId,
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: zId.nullable(),
  code: z.string().nullable().describe('Region code (行政区划代码) where known'),
  version: z.number().int(),
});

// Recursive, so it is registered by id and OpenAPI refers to it as a component.
export const zOrgNode: z.ZodType<OrgNode> = zOrg
  .extend({
    get children() {
      return z.array(zOrgNode);
    },
  })
  .meta({ id: 'OrgNode' });

export const zCreateVillageRequest = z.strictObject({
  parentId: zId.describe('The station the village belongs to'),
  name: zOrgName.describe('Village or community name, e.g. 大庄村'),
  code: z.string().regex(/^\d{12}$/).optional().describe('12-digit village region code, if known'),
});

export const zUpdateOrgRequest = z.strictObject({
  version: zVersion,
  name: zOrgName,
});
