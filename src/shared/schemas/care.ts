import { z } from 'zod';
import { CALENDARS, CARE_ALERTS, CONTACT_CHANNELS, FESTIVALS, GROUPS, TASK_EVENTS, TASK_REASONS, TASK_STATUSES } from '../codes';
import { zDate, zId, zPageQuery, zVersion, codeKeys, zStaffRef } from './common';
import { zCreateServiceRequest, zServiceRecord } from './services';


export const zContactChannel = z.enum(codeKeys(CONTACT_CHANNELS)).describe('phone | home_visit');
export const zFestivalCode = z.enum(codeKeys(FESTIVALS)).describe('A festival code, see GET /api/calendar/festivals');
export const zCareAlertType = z.enum(codeKeys(CARE_ALERTS)).describe('overdue | unreachable | no_plan | silent | wellbeing_drop | danger');
const zGroupCode = z.enum(codeKeys(GROUPS));
const zMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'date.invalid')
  .describe('A month, YYYY-MM');

const zEveryDays = z.number().int().min(1, 'care.cadence').max(365, 'care.cadence');

// ---------------------------------------------------------------------------------------------
// Calendar

export const zFestivalsQuery = z.object({ year: z.coerce.number().int().min(1900).max(2100).describe('A Gregorian year') });
export const zFestival = z.object({
  code: zFestivalCode,
  name: z.string().describe("The festival's name in the caller's language"),
  date: zDate,
  calendar: z.enum(codeKeys(CALENDARS)).describe('lunar | solar | tibetan: the calendar that fixes the day'),
  lunarDate: z.string().nullable().describe('The day in the lunar or Tibetan calendar, e.g. 农历九月初九; null for solar days'),
});
export type Festival = z.infer<typeof zFestival>;

// ---------------------------------------------------------------------------------------------
// Settings and plans

const zCadence = z.strictObject({ phone: zEveryDays.nullable(), home_visit: zEveryDays.nullable() });
const zRiskCadences = z.strictObject({ high: zCadence, medium: zCadence, low: zCadence });
export const zCareRules = z.strictObject({ elder: zRiskCadences, child: zRiskCadences }).describe('Days between contacts by audience, risk level and channel; null = no regular contact on that channel');

export const zCareSettings = z.object({
  stationId: zId,
  rules: zCareRules,
  silenceDays: z.number().int().describe('Alert when a person in a care group has not been contacted for this many days'),
  villageWorkers: z.record(z.string(), zId).describe('village id → worker id: who is responsible for the people of a village by default'),
  version: z.number().int().describe('0 while the station uses the defaults'),
  updatedAt: z.string().nullable(),
  updatedBy: zStaffRef.nullable(),
});
export type CareSettings = z.infer<typeof zCareSettings>;

export const zSettingsQuery = z.object({ stationId: zId.optional().describe('Needed by callers who see several stations') });

export const zUpdateCareSettingsRequest = z
  .strictObject({
    stationId: zId.optional(),
    version: z.number().int().min(0).describe('The version you read (0 for the defaults)'),
    rules: zCareRules.optional(),
    silenceDays: z.number().int().min(7).max(365).optional(),
    villageWorkers: z.record(zId, zId).optional().describe('village id → worker id; villages left out are shared out automatically'),
  })
  .describe("Change the station's care settings (manager)");
export type UpdateCareSettingsRequest = z.infer<typeof zUpdateCareSettingsRequest>;

export const zPlanEntryInput = z.strictObject({
  channel: zContactChannel,
  everyDays: zEveryDays.describe('Days between contacts, 1–365'),
  responsibleId: zId.nullish().describe('The worker or volunteer responsible; default: the worker of the village'),
});

export const zSetContactPlanRequest = z
  .strictObject({
    version: z.number().int().min(0).describe('The plan version you read (0 when the person follows the rules)'),
    plans: z.array(zPlanEntryInput).max(2).describe('The plans in force for this person; an empty list means no regular contact'),
    reason: z.string().trim().min(2, 'care.reasonRequired').max(500),
  })
  .describe("Override the station's rules for one person, with a reason");
export type SetContactPlanRequest = z.infer<typeof zSetContactPlanRequest>;

export const zResetContactPlanRequest = z.strictObject({ version: z.number().int().min(1), reason: z.string().trim().min(2, 'care.reasonRequired').max(500) });

export const zPlanInForce = z.object({
  channel: zContactChannel,
  everyDays: z.number().int(),
  responsible: zStaffRef.nullable(),
  lastContactAt: z.string().nullable().describe('The latest service record that counts for this channel'),
  nextDue: zDate.describe('When the next contact is due (today if never contacted)'),
  openTaskId: zId.nullable(),
});

export const zContactPlan = z.object({
  personId: zId,
  source: z.enum(['rule', 'override', 'none']).describe("rule: the station's rules; override: the person's own plan; none: no plan applies"),
  /** Why no rule applies, when `source` is `none`. */
  noPlanReason: z.enum(['not_in_care_group', 'no_risk_level', 'inactive', 'no_worker']).nullable(),
  audience: z.enum(['elder', 'child']).nullable(),
  riskLevel: z.enum(['high', 'medium', 'low']).nullable(),
  plans: z.array(zPlanInForce),
  reason: z.string().nullable().describe("The override's reason"),
  version: z.number().int().describe('0 while the person follows the rules'),
  updatedAt: z.string().nullable(),
  updatedBy: zStaffRef.nullable(),
});
export type ContactPlan = z.infer<typeof zContactPlan>;

// ---------------------------------------------------------------------------------------------
// Tasks

export const zListTasksQuery = z.object({
  assignee: z
    .union([z.enum(['me', 'all', 'unassigned']), zId])
    .default('me')
    .describe('me (default), all (the station; managers), unassigned, or a user id'),
  status: z.enum(['open', 'done']).default('open'),
  due: z.enum(['today', 'overdue', 'week']).optional().describe('today: to do today (window started, overdue included); overdue: due before today; week: window starts within 7 days'),
  campaignId: zId.optional(),
  personId: zId.optional(),
  villageId: zId.optional(),
  ...zPageQuery,
});
export type ListTasksQuery = z.infer<typeof zListTasksQuery>;

export const zTask = z.object({
  id: zId,
  stationId: zId,
  personId: zId,
  personName: z.string(),
  villageId: zId,
  villageName: z.string().nullable(),
  phone: z.string().nullable().describe("The person's phone, for tap-to-call"),
  address: z.string().nullable(),
  groups: z.array(z.string()),
  riskLevel: z.enum(['high', 'medium', 'low']).nullable(),
  kind: zContactChannel,
  reason: z.enum(codeKeys(TASK_REASONS)),
  campaignId: zId.nullable(),
  campaignName: z.string().nullable(),
  startOn: zDate,
  dueDate: zDate,
  overdueDays: z.number().int().describe('Days past the due date (0 if not overdue)'),
  status: z.enum(codeKeys(TASK_STATUSES)),
  assignee: zStaffRef.nullable(),
  attempts: z.number().int().describe('"Could not reach" attempts so far'),
  lastAttemptAt: z.string().nullable(),
  postponedReason: z.string().nullable(),
  serviceId: zId.nullable(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Task = z.infer<typeof zTask>;

export const zTaskEvent = z.object({
  kind: z.enum(codeKeys(TASK_EVENTS)),
  at: z.string(),
  by: zStaffRef.nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export const zTaskDetail = zTask.extend({ events: z.array(zTaskEvent) });
export type TaskDetail = z.infer<typeof zTaskDetail>;

export const zCompleteTaskRequest = z
  .strictObject({
    service: zCreateServiceRequest
      .omit({ personId: true, taskId: true, kind: true })
      .extend({
        personId: zId.optional().describe("Defaults to the task's person; another person → 400"),
        kind: zCreateServiceRequest.shape.kind.optional().describe("Defaults to the task's kind"),
      })
      .describe('The service record that completes the task (its id makes a retry safe)'),
  })
  .describe('Complete a task: the service record is written and the task closed together, or neither');
export type CompleteTaskRequest = z.input<typeof zCompleteTaskRequest>;
export const zCompleteTaskReply = z.object({ task: zTask, service: zServiceRecord });

export const zUnreachableRequest = z.strictObject({ version: zVersion, note: z.string().trim().max(500).nullish().describe('e.g. 电话无人接听, 家中无人') });
export const zPostponeRequest = z.strictObject({ version: zVersion, until: zDate.describe('The new due day: after today, within 90 days'), reason: z.string().trim().min(2, 'care.reasonRequired').max(500) });
export const zReassignRequest = z.strictObject({ version: zVersion, assigneeId: zId, reason: z.string().trim().max(500).nullish() });

export const zGenerateRequest = z.strictObject({ stationId: zId.optional() });
export const zGenerateReply = z.object({
  stations: z.number().int(),
  created: z.number().int().describe('New plan tasks'),
  satisfied: z.number().int().describe('Open tasks closed because the person was contacted another way'),
  cancelled: z.number().int().describe('Open tasks no plan asks for any more (person moved, plan changed)'),
  skipped: z.boolean().describe('Another process was generating for these stations at the same moment'),
});
export type GenerateReply = z.infer<typeof zGenerateReply>;

// ---------------------------------------------------------------------------------------------
// Campaigns

export const zCreateCampaignRequest = z
  .strictObject({
    stationId: zId.optional().describe('Needed by callers who see several stations'),
    name: z.string().trim().min(1).max(100).optional().describe("Defaults to the festival's name and year"),
    festival: zFestivalCode.optional(),
    year: z.number().int().min(2000).max(2100).optional().describe("The festival's year; default: its next occurrence"),
    date: zDate.optional().describe('The day the window ends, for a campaign that is not a festival'),
    groups: z.array(zGroupCode).min(1).max(13),
    kinds: z.array(zContactChannel).min(1).max(2),
    windowDays: z.number().int().min(1).max(60).describe('How many days before the festival the calls and visits may start'),
  })
  .describe('A festival campaign: one task per kind for every active person of the groups');
export type CreateCampaignRequest = z.infer<typeof zCreateCampaignRequest>;

export const zProgressRow = z.object({
  id: zId.nullable(),
  name: z.string(),
  done: z.number().int(),
  open: z.number().int(),
  unreachable: z.number().int().describe('Open tasks with at least one "could not reach"'),
  total: z.number().int(),
});

export const zCampaign = z.object({
  id: zId,
  stationId: zId,
  name: z.string(),
  festival: zFestivalCode.nullable(),
  year: z.number().int().nullable(),
  date: zDate,
  windowStart: zDate,
  groups: z.array(z.string()),
  kinds: z.array(zContactChannel),
  tasksCreated: z.number().int(),
  createdAt: z.string(),
  createdBy: zStaffRef.nullable(),
  progress: z.object({ done: z.number().int(), open: z.number().int(), unreachable: z.number().int(), total: z.number().int() }),
});
export type Campaign = z.infer<typeof zCampaign>;

export const zCampaignDetail = zCampaign.extend({
  byVillage: z.array(zProgressRow),
  byAssignee: z.array(zProgressRow),
  goods: z.array(z.object({ serviceId: zId, personId: zId, personName: z.string(), villageName: z.string().nullable(), goods: z.string(), startedAt: z.string() })).describe('What visits of this campaign gave'),
});
export type CampaignDetail = z.infer<typeof zCampaignDetail>;

export const zCreateCampaignReply = zCampaign.extend({ tasksCreated: z.number().int().describe('Tasks this call created (0 when the campaign existed)') });
export const zListCampaignsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...zPageQuery });

// ---------------------------------------------------------------------------------------------
// Alerts

export const zAlertsQuery = z.object({
  type: zCareAlertType,
  stationId: zId.optional(),
  villageId: zId.optional(),
  assigneeId: zId.optional().describe('Overdue and unreachable: tasks of this worker'),
  ...zPageQuery,
});
export type AlertsQuery = z.infer<typeof zAlertsQuery>;

export const zAlert = z.object({
  type: zCareAlertType,
  personId: zId,
  personName: z.string(),
  villageId: zId,
  villageName: z.string().nullable(),
  groups: z.array(z.string()),
  riskLevel: z.enum(['high', 'medium', 'low']).nullable(),
  since: z.string().nullable().describe('overdue: the due day; silent: the last contact (null: never); danger / wellbeing_drop: the record that raised it'),
  days: z.number().int().nullable().describe('overdue: days overdue; silent: days without contact'),
  detail: z.string().describe("What the alert is about, in the caller's language"),
  taskId: zId.nullable(),
  serviceId: zId.nullable(),
  assignee: zStaffRef.nullable(),
});
export type Alert = z.infer<typeof zAlert>;

export const zVisitRateRow = z.object({ id: zId, name: z.string(), elders: z.number().int(), visited: z.number().int(), rate: z.number().describe('0–1') });
export const zVisitRate = z.object({
  month: zMonth,
  target: z.number().describe('The national target: every elder in special difficulty visited (or phoned) every month, 1 = 100%'),
  station: zVisitRateRow,
  villages: z.array(zVisitRateRow),
});
export type VisitRate = z.infer<typeof zVisitRate>;
export const zVisitRateQuery = z.object({ month: zMonth.optional().describe('Default: this month'), stationId: zId.optional() });

export const zAlertSummary = z.object({
  stationId: zId,
  silenceDays: z.number().int(),
  counts: z.record(zCareAlertType, z.number().int()),
  byWorker: z.array(z.object({ id: zId.nullable(), name: z.string(), open: z.number().int(), overdue: z.number().int(), unreachable: z.number().int(), doneThisMonth: z.number().int() })),
  visitRate: zVisitRate,
});
export type AlertSummary = z.infer<typeof zAlertSummary>;
export const zAlertSummaryQuery = z.object({ stationId: zId.optional() });
