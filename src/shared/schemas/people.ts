import { z } from 'zod';
import { BENEFITS, ETHNICITIES, GROUPS, LIVING_SITUATIONS, PERSON_STATUSES, RISK_LEVELS } from '../codes';
import { zDate, zId, zPageQuery, zVersion, codeKeys } from './common';

export const zGroup = z.enum(codeKeys(GROUPS)).describe('Group code (服务对象类别), see src/shared/codes.ts');
export const zRiskLevel = z.enum(codeKeys(RISK_LEVELS));
export const zEthnicity = z.enum(codeKeys(ETHNICITIES));
export const zLivingSituation = z.enum(codeKeys(LIVING_SITUATIONS));
export const zPersonStatus = z.enum(codeKeys(PERSON_STATUSES));
export const zBenefit = z.enum(codeKeys(BENEFITS));
export const zGender = z.enum(['male', 'female']);
export const zHealth = z.enum(['healthy', 'chronic_illness', 'serious_illness', 'disabled']);
export const zContactFrequency = z.enum(['daily', 'weekly', 'monthly', 'rarely', 'never']).describe('How often an absent parent or child calls');

/** Mobile `1[3-9]` + 9 digits, or a landline with area code (0935-1234567). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const zPhone = z
  .string()
  .trim()
  .transform((value) => {
    const compact = value.replace(/[\s()（）]/g, '');
    // Mobiles are written 138-0000-1111 as often as not; landlines keep the dash after the area code.
    return /^1[\d-]+$/.test(compact) ? compact.replace(/-/g, '') : compact;
  })
  .pipe(z.string().regex(PHONE_PATTERN, 'phone.shape'));

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();

/**
 * The child and elder sections take a phone schema: requests normalise phones (a transform),
 * replies carry them as stored (a plain string), because a reply schema must encode without transforms.
 */
function childSection(phone: z.ZodType<string, string>) {
  return z
    .strictObject({
      schooling: z.enum(['none', 'kindergarten', 'primary', 'junior', 'senior', 'vocational', 'dropped_out']).nullish(),
      school: optionalText(60),
      grade: optionalText(20),
      boarding: z.boolean().nullish(),
      hukouRegistered: z.boolean().nullish(),
      guardian: z
        .strictObject({
          personId: zId.nullish().describe('The guardian, when on file'),
          name: optionalText(30),
          phone: phone.nullish(),
          relation: optionalText(20),
          capacity: z.enum(['good', 'fair', 'poor', 'none']).nullish(),
        })
        .nullish(),
      guardianshipType: z.enum(['none', 'parent_unable', 'entrusted_incapable', 'fair', 'good']).nullish(),
      parents: z
        .array(
          z.strictObject({
            role: z.enum(['father', 'mother']),
            name: optionalText(30),
            phone: phone.nullish(),
            status: z.enum(['away', 'home', 'unable', 'deceased', 'missing', 'unknown']),
            workProvince: optionalText(20),
            workCity: optionalText(30),
            contactFrequency: zContactFrequency.nullish(),
          }),
        )
        .max(2)
        .nullish(),
      childDirector: z.strictObject({ name: text(30), phone: phone.nullish() }).nullish().describe('儿童主任 of the village'),
    })
    .describe("A child's file: schooling, guardian, absent parents, the village child director");
}

function elderSection(phone: z.ZodType<string, string>) {
  return z
    .strictObject({
      selfCare: z.enum(['independent', 'partly', 'unable']).nullish(),
      emergencyContact: z.strictObject({ name: text(30), phone: phone.nullish(), relation: optionalText(20) }).nullish(),
      childrenAway: z
        .array(z.strictObject({ name: text(30), phone: phone.nullish(), place: optionalText(40), contactFrequency: zContactFrequency.nullish() }))
        .max(10)
        .nullish(),
    })
    .describe("An elder's file: self-care, emergency contact, children away");
}

export const zChildSection = childSection(zPhone);
export const zElderSection = elderSection(zPhone);
const zStoredChildSection = childSection(z.string());
const zStoredElderSection = elderSection(z.string());

export const zConsent = z
  .strictObject({
    given: z.boolean(),
    by: z.enum(['self', 'guardian']),
    guardianName: optionalText(30),
    on: zDate,
    note: optionalText(200),
  })
  .describe('Consent to be served and to have data kept (guardian for an under-14)');

const personFields = {
  name: text(30).min(1, 'person.nameBlank').describe('Name (姓名)'),
  villageId: zId.describe('The village or community the person lives in'),
  idNumber: z.string().trim().max(30).nullish().describe('Resident identity number (18 digits, or 15 old-style)'),
  gender: zGender.nullish(),
  birthDate: zDate.nullish(),
  ethnicity: zEthnicity.nullish(),
  phone: zPhone.nullish(),
  householdId: zId.nullish(),
  relationToHead: optionalText(20),
  groups: z.array(zGroup).max(13).default([]).describe('Group codes; a person may be in several'),
  riskLevel: zRiskLevel.nullish(),
  riskReason: optionalText(200).describe('Why the risk level is set or changed'),
  status: zPersonStatus.optional(),
  address: optionalText(120),
  notes: optionalText(2000),
  health: zHealth.nullish(),
  healthNotes: optionalText(500),
  disabilityType: optionalText(30),
  disabilityGrade: z.number().int().min(1).max(4).nullish(),
  livingSituation: zLivingSituation.nullish(),
  consent: zConsent.nullish(),
  child: zChildSection.nullish(),
  elder: zElderSection.nullish(),
};

export const zCreatePersonRequest = z.strictObject({
  id: zId.optional().describe('A UUID made by the client; sending it again does not create a second person'),
  ...personFields,
});
export type CreatePersonRequest = z.input<typeof zCreatePersonRequest>;
export type PersonInput = z.output<typeof zCreatePersonRequest>;

// Every field optional, and no defaults: a field left out of a PATCH stays as it is (a default
// would quietly empty it, e.g. groups).
const { groups: _groupsWithDefault, ...updatableFields } = personFields;
export const zUpdatePersonRequest = z.strictObject({
  version: zVersion,
  ...(Object.fromEntries(Object.entries(updatableFields).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof updatableFields]: z.ZodOptional<(typeof updatableFields)[K]>;
  }),
  groups: z.array(zGroup).max(13).optional(),
});
export type UpdatePersonRequest = z.output<typeof zUpdatePersonRequest>;

export const zBenefitRecord = z.object({
  benefit: zBenefit,
  status: z.enum(['receiving', 'applied', 'refused', 'stopped']),
  appliedOn: z.string().nullable(),
  since: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const zPersonFlags = z.object({
  parentsCallRarely: z.boolean().describe('A parent away calls less than weekly (Minors Protection Law art. 23)'),
  openDangerReport: z.boolean().describe('A danger report (强制报告) the manager has not yet acknowledged'),
  childMayBeAlone: z.boolean().describe('A child under 16 recorded as living alone'),
  groupAgeMismatch: z.array(zGroup).describe('Groups whose age rule the birth date no longer meets'),
});

export const zPersonSummary = z.object({
  id: zId,
  stationId: zId,
  villageId: zId,
  villageName: z.string().nullable(),
  householdId: zId.nullable(),
  name: z.string(),
  gender: zGender.nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  ethnicity: z.string().nullable(),
  phone: z.string().nullable(),
  groups: z.array(z.string()),
  riskLevel: zRiskLevel.nullable(),
  status: zPersonStatus,
  idNumberMasked: z.string().nullable(),
  version: z.number().int(),
});
export type PersonSummary = z.infer<typeof zPersonSummary>;

export const zPerson = zPersonSummary.extend({
  relationToHead: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  health: zHealth.nullable(),
  healthNotes: z.string().nullable(),
  disabilityType: z.string().nullable(),
  disabilityGrade: z.number().int().nullable(),
  livingSituation: z.string().nullable(),
  consent: zConsent.nullable(),
  child: zStoredChildSection.nullable(),
  elder: zStoredElderSection.nullable(),
  benefits: z.array(zBenefitRecord),
  eligibleBenefits: z.array(zBenefit).describe('Benefits the person looks eligible for and does not receive or await'),
  flags: zPersonFlags,
  createdAt: z.string(),
  updatedAt: z.string(),
  idNumber: z.string().optional().describe('Only with ?reveal=idNumber and the pii:reveal permission (audited)'),
});
export type Person = z.infer<typeof zPerson>;

export const zListPeopleQuery = z.strictObject({
  q: z.string().trim().max(40).optional().describe('Name, pinyin (zhangsan), initials (zs), phone digits, or a whole identity number'),
  group: zGroup.optional(),
  villageId: zId.optional(),
  riskLevel: zRiskLevel.optional(),
  status: zPersonStatus.optional().describe('Default: active'),
  minAge: z.coerce.number().int().min(0).max(130).optional(),
  maxAge: z.coerce.number().int().min(0).max(130).optional(),
  householdId: zId.optional(),
  ...zPageQuery,
});
export type ListPeopleQuery = z.infer<typeof zListPeopleQuery>;

export const zGetPersonQuery = z.strictObject({ reveal: z.literal('idNumber').optional() });

export const zTimelineItem = z.object({
  at: z.string(),
  kind: z.string().describe('person_created, file_updated, risk_changed, danger_reported, benefit, …'),
  title: z.string(),
  refId: z.string().nullable(),
});

export const zHousehold = z.object({
  id: zId,
  stationId: zId,
  villageId: zId,
  address: z.string().nullable(),
  headPersonId: zId.nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  version: z.number().int(),
  members: z.array(zPersonSummary.extend({ relationToHead: z.string().nullable() })),
});

export const HOUSEHOLD_TAGS = ['dibao_household', 'tekun_household', 'disability_household', 'single_parent', 'migrant_family'] as const;

export const zCreateHouseholdRequest = z.strictObject({
  villageId: zId,
  address: optionalText(120),
  headPersonId: zId.nullish(),
  tags: z.array(z.enum(HOUSEHOLD_TAGS)).default([]),
  notes: optionalText(500),
});
export const zUpdateHouseholdRequest = z.strictObject({
  version: zVersion,
  address: optionalText(120),
  headPersonId: zId.nullish(),
  tags: z.array(z.enum(HOUSEHOLD_TAGS)).optional(),
  notes: optionalText(500),
});

export const zSetBenefitRequest = z.strictObject({
  status: z.enum(['receiving', 'applied', 'refused', 'stopped']),
  appliedOn: zDate.nullish(),
  since: zDate.nullish(),
  note: optionalText(200),
});

export const zDangerReportRequest = z.strictObject({
  reportedAt: z.iso.datetime({ offset: true }).describe('When it was reported to the police'),
  reportedTo: text(60).min(1).describe('Whom: the police station, officer'),
  what: text(1000).min(1).describe('What was found and reported'),
});

export const zDangerReport = z.object({
  id: zId,
  personId: zId,
  personName: z.string(),
  villageName: z.string().nullable(),
  reportedAt: z.string(),
  reportedTo: z.string(),
  what: z.string(),
  reportedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
