import type { Permission } from '../../shared/roles';
import type { TestApp } from './test-app';
import { multipartFile } from '../modules/people/import/import-testing';

/**
 * The cross-station suite: every endpoint that takes the id of a station's record, tried by
 * users of another station. Each module adds its endpoints here (with the permission its route
 * declares); `cross-station.test.ts` runs them all as Dachaigou users against Anyuan records and
 * expects 404 (or 403 where the role lacks the permission outright), and that nothing changed.
 */
export interface AnyuanRecords {
  stationId: string;
  villageId: string;
  workerUserId: string;
  managerUserId: string;
  personId: string;
  householdId: string;
  dangerReportId: string;
  serviceId: string;
  attachmentId: string;
  caseId: string;
  referralId: string;
  campaignId: string;
  taskId: string;
  needId: string;
  surveyId: string;
  surveyResponseId: string;
}

export interface CrossStationCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  permission: Permission;
  url(records: AnyuanRecords): string;
  body?(records: AnyuanRecords): unknown;
  /**
   * A create naming another station's village is refused as bad input (the village is unknown to
   * the caller), not 404; a list filtered by another station's record answers an empty page.
   */
  expect?: 400 | 'empty';
}

/** Makes one record of each kind in Anyuan, through the API as an Anyuan worker. */
export async function anyuanRecords(t: TestApp): Promise<AnyuanRecords> {
  const worker = await t.login('anyuan.worker');
  const villageId = t.demo.stations.anyuan.villageIds[0]!;
  const household = (await worker.inject({ method: 'POST', url: '/api/households', payload: { villageId, address: '安远测试户' } })).json<{ id: string }>();
  const person = (
    await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '安远儿童', villageId, householdId: household.id, birthDate: '2016-05-05', groups: ['left_behind_child'] } })
  ).json<{ id: string }>();
  const report = (
    await worker.inject({ method: 'POST', url: `/api/people/${person.id}/danger-reports`, payload: { reportedAt: '2026-11-28T10:00:00+08:00', reportedTo: '派出所', what: '测试' } })
  ).json<{ id: string }>();
  const service = (
    await worker.inject({
      method: 'POST',
      url: '/api/services',
      payload: { personId: person.id, kind: 'home_visit', serviceTypes: ['tutoring'], startedAt: '2026-11-28T10:00:00+08:00', durationMinutes: 30, summary: '安远作业辅导', checklist: null },
    })
  ).json<{ id: string }>();
  const photo = await multipartFile(Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000', 'hex'), 'a.png', 'image/png');
  const attachment = (await worker.inject({ method: 'POST', url: `/api/services/${service.id}/attachments`, payload: photo.payload, headers: photo.headers })).json<{ id: string }>();
  const opened = (await worker.inject({ method: 'POST', url: '/api/cases', payload: { personId: person.id, source: 'home_visit', presentingProblem: '安远个案' } })).json<{ id: string }>();
  const referred = (
    await worker.inject({ method: 'POST', url: `/api/cases/${opened.id}/referrals`, payload: { version: 1, to: '县医院', reason: '安远转介', consent: true, referredOn: '2026-11-28' } })
  ).json<{ referrals: { id: string }[] }>();
  const manager = await t.login('anyuan.manager');
  const campaign = (
    await manager.inject({ method: 'POST', url: '/api/campaigns', payload: { festival: 'childrens_day', groups: ['left_behind_child'], kinds: ['phone'], windowDays: 7 } })
  ).json<{ id: string }>();
  const task = (await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&campaignId=${campaign.id}` })).json<{ items: { id: string }[] }>().items[0]!;
  const need = (await worker.inject({ method: 'POST', url: '/api/needs', payload: { personId: person.id, needType: 'tutoring', note: '安远需求' } })).json<{ id: string }>();
  const survey = (
    await worker.inject({
      method: 'POST',
      url: '/api/surveys',
      payload: { title: '安远调查', audience: 'left_behind_child', mode: 'questionnaire', questions: [{ key: 'q', type: 'single', text: '安远题', options: [{ value: 'a', label: '安远甲', needType: 'tutoring' }, { value: 'b', label: '安远乙' }] }] },
    })
  ).json<{ id: string }>();
  const surveyResponse = (await worker.inject({ method: 'POST', url: `/api/surveys/${survey.id}/responses`, payload: { personId: person.id, answers: { q: 'a' }, note: '安远答卷' } })).json<{ id: string }>();
  return {
    stationId: t.demo.stations.anyuan.id,
    villageId,
    workerUserId: t.demo.userIds['anyuan.worker']!,
    managerUserId: t.demo.userIds['anyuan.manager']!,
    personId: person.id,
    householdId: household.id,
    dangerReportId: report.id,
    serviceId: service.id,
    attachmentId: attachment.id,
    caseId: opened.id,
    referralId: referred.referrals[0]!.id,
    campaignId: campaign.id,
    taskId: task.id,
    needId: need.id,
    surveyId: survey.id,
    surveyResponseId: surveyResponse.id,
  };
}

export const crossStationCases: CrossStationCase[] = [
  // orgs
  { name: 'read an Anyuan village', method: 'GET', permission: 'orgs:read', url: (r) => `/api/orgs/${r.villageId}` },
  { name: 'read the Anyuan station', method: 'GET', permission: 'orgs:read', url: (r) => `/api/orgs/${r.stationId}` },
  { name: 'add a village to Anyuan', method: 'POST', permission: 'orgs:write', url: () => '/api/orgs', body: (r) => ({ parentId: r.stationId, name: '越权村' }) },
  { name: 'rename an Anyuan village', method: 'PATCH', permission: 'orgs:write', url: (r) => `/api/orgs/${r.villageId}`, body: () => ({ version: 1, name: '越权改名' }) },
  // users
  { name: 'read an Anyuan account', method: 'GET', permission: 'users:read', url: (r) => `/api/users/${r.workerUserId}` },
  { name: 'change an Anyuan account', method: 'PATCH', permission: 'users:manage', url: (r) => `/api/users/${r.workerUserId}`, body: () => ({ version: 1, disabled: true }) },
  { name: 'reset an Anyuan password', method: 'POST', permission: 'users:manage', url: (r) => `/api/users/${r.managerUserId}/password`, body: () => ({ password: 'taken-over-2026' }) },
  // people
  { name: 'read an Anyuan file', method: 'GET', permission: 'people:read', url: (r) => `/api/people/${r.personId}` },
  { name: 'reveal an Anyuan identity number', method: 'GET', permission: 'people:read', url: (r) => `/api/people/${r.personId}?reveal=idNumber` },
  { name: 'read an Anyuan timeline', method: 'GET', permission: 'people:read', url: (r) => `/api/people/${r.personId}/timeline` },
  { name: 'change an Anyuan file', method: 'PATCH', permission: 'people:write', url: (r) => `/api/people/${r.personId}`, body: () => ({ version: 1, notes: '越权' }) },
  { name: 'create a file in an Anyuan village', method: 'POST', permission: 'people:write', url: () => '/api/people', body: (r) => ({ name: '越权', villageId: r.villageId }), expect: 400 },
  { name: 'record a benefit on an Anyuan file', method: 'PUT', permission: 'people:write', url: (r) => `/api/people/${r.personId}/benefits/dibao`, body: () => ({ status: 'applied' }) },
  { name: 'report danger for an Anyuan child', method: 'POST', permission: 'people:write', url: (r) => `/api/people/${r.personId}/danger-reports`, body: () => ({ reportedAt: '2026-11-28T10:00:00+08:00', reportedTo: 'x', what: 'y' }) },
  { name: 'acknowledge an Anyuan danger report', method: 'POST', permission: 'danger:acknowledge', url: (r) => `/api/danger-reports/${r.dangerReportId}/acknowledge` },
  { name: 'read an Anyuan household', method: 'GET', permission: 'people:read', url: (r) => `/api/households/${r.householdId}` },
  { name: 'change an Anyuan household', method: 'PATCH', permission: 'people:write', url: (r) => `/api/households/${r.householdId}`, body: () => ({ version: 1, address: '越权' }) },
  { name: 'create a household in an Anyuan village', method: 'POST', permission: 'people:write', url: () => '/api/households', body: (r) => ({ villageId: r.villageId }), expect: 400 },
  // people import and export
  { name: 'import into an Anyuan village (as the default village)', method: 'POST', permission: 'people:import', url: (r) => `/api/people/import?dryRun=false&villageId=${r.villageId}`, expect: 400 },
  { name: 'export with an Anyuan village as the filter', method: 'GET', permission: 'people:export', url: (r) => `/api/people/export?villageId=${r.villageId}`, expect: 400 },
  // service records
  { name: 'record a service for an Anyuan person', method: 'POST', permission: 'services:write', url: () => '/api/services', body: (r) => ({ personId: r.personId, kind: 'phone', serviceTypes: ['companionship'], startedAt: '2026-11-28T10:00:00+08:00', durationMinutes: 5, summary: '越权' }) },
  { name: 'read an Anyuan service record', method: 'GET', permission: 'services:read', url: (r) => `/api/services/${r.serviceId}` },
  { name: 'correct an Anyuan service record', method: 'PATCH', permission: 'services:write', url: (r) => `/api/services/${r.serviceId}`, body: () => ({ version: 1, summary: '越权' }) },
  { name: 'read the corrections of an Anyuan service record', method: 'GET', permission: 'services:read', url: (r) => `/api/services/${r.serviceId}/revisions` },
  { name: 'attach a photo to an Anyuan service record', method: 'POST', permission: 'services:write', url: (r) => `/api/services/${r.serviceId}/attachments`, body: () => ({}) },
  { name: 'read an Anyuan photo', method: 'GET', permission: 'services:read', url: (r) => `/api/attachments/${r.attachmentId}` },
  { name: "list an Anyuan person's services", method: 'GET', permission: 'services:read', url: (r) => `/api/services?personId=${r.personId}`, expect: 'empty' },
  { name: 'list services of an Anyuan village', method: 'GET', permission: 'services:read', url: (r) => `/api/services?villageId=${r.villageId}`, expect: 'empty' },
  { name: 'list findings of an Anyuan village', method: 'GET', permission: 'services:read', url: (r) => `/api/services/findings?item=home_safety.heating&villageId=${r.villageId}`, expect: 'empty' },
  { name: 'export the services of an Anyuan village', method: 'GET', permission: 'people:export', url: (r) => `/api/services/export?villageId=${r.villageId}`, expect: 400 },
  // cases
  { name: 'open a case for an Anyuan person', method: 'POST', permission: 'cases:write', url: () => '/api/cases', body: (r) => ({ personId: r.personId, source: 'self', presentingProblem: '越权' }) },
  { name: 'read an Anyuan case', method: 'GET', permission: 'cases:read', url: (r) => `/api/cases/${r.caseId}` },
  { name: "list an Anyuan person's cases", method: 'GET', permission: 'cases:read', url: (r) => `/api/cases?personId=${r.personId}&status=all`, expect: 'empty' },
  { name: 'save a document of an Anyuan case', method: 'PUT', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/documents/intake`, body: () => ({ version: 1, content: { basicSituation: '越权' } }) },
  { name: 'move an Anyuan case on', method: 'POST', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/transition`, body: () => ({ version: 2, to: 'assessment' }) },
  { name: 'close an Anyuan case', method: 'POST', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/transition`, body: () => ({ version: 2, to: 'closed' }) },
  { name: 'ask to close an Anyuan case', method: 'POST', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/close-request`, body: () => ({ version: 2 }) },
  { name: 'decline closing an Anyuan case', method: 'POST', permission: 'cases:approve', url: (r) => `/api/cases/${r.caseId}/close-request/decline`, body: () => ({ version: 2, reason: '越权' }) },
  { name: 'take over an Anyuan case', method: 'POST', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/transfer`, body: (r) => ({ version: 2, workerId: r.workerUserId, reason: '越权' }) },
  { name: 'refer an Anyuan case', method: 'POST', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/referrals`, body: () => ({ version: 2, to: 'x', reason: 'y', consent: true, referredOn: '2026-11-28' }) },
  { name: 'record the outcome of an Anyuan referral', method: 'PUT', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/referrals/${r.referralId}`, body: () => ({ version: 2, outcome: '越权', outcomeOn: '2026-11-28' }) },
  { name: 'review an Anyuan case', method: 'POST', permission: 'cases:write', url: (r) => `/api/cases/${r.caseId}/reviews`, body: () => ({ version: 2, note: '越权' }) },
  // care
  { name: 'read the care settings of Anyuan', method: 'GET', permission: 'care:read', url: (r) => `/api/care/settings?stationId=${r.stationId}` },
  { name: 'change the care settings of Anyuan', method: 'PUT', permission: 'care:manage', url: () => '/api/care/settings', body: (r) => ({ stationId: r.stationId, version: 0, silenceDays: 30 }) },
  { name: "read an Anyuan person's contact plan", method: 'GET', permission: 'care:read', url: (r) => `/api/people/${r.personId}/contact-plan` },
  { name: "set an Anyuan person's contact plan", method: 'PUT', permission: 'care:manage', url: (r) => `/api/people/${r.personId}/contact-plan`, body: () => ({ version: 0, plans: [], reason: '越权' }) },
  { name: "reset an Anyuan person's contact plan", method: 'POST', permission: 'care:manage', url: (r) => `/api/people/${r.personId}/contact-plan/reset`, body: () => ({ version: 1, reason: '越权' }) },
  { name: "list an Anyuan person's tasks", method: 'GET', permission: 'care:read', url: (r) => `/api/tasks?assignee=all&personId=${r.personId}`, expect: 'empty' },
  { name: "list an Anyuan campaign's tasks", method: 'GET', permission: 'care:read', url: (r) => `/api/tasks?assignee=all&campaignId=${r.campaignId}`, expect: 'empty' },
  { name: 'list the tasks of an Anyuan village', method: 'GET', permission: 'care:read', url: (r) => `/api/tasks?assignee=all&villageId=${r.villageId}`, expect: 'empty' },
  { name: 'list the tasks of an Anyuan worker', method: 'GET', permission: 'care:read', url: (r) => `/api/tasks?assignee=${r.workerUserId}`, expect: 'empty' },
  { name: 'read an Anyuan task', method: 'GET', permission: 'care:read', url: (r) => `/api/tasks/${r.taskId}` },
  {
    name: 'complete an Anyuan task',
    method: 'POST',
    permission: 'care:write',
    url: (r) => `/api/tasks/${r.taskId}/complete`,
    body: () => ({ service: { serviceTypes: ['companionship'], startedAt: '2026-11-28T10:00:00+08:00', durationMinutes: 5, summary: '越权' } }),
  },
  { name: 'mark an Anyuan task unreachable', method: 'POST', permission: 'care:write', url: (r) => `/api/tasks/${r.taskId}/unreachable`, body: () => ({ version: 1 }) },
  { name: 'postpone an Anyuan task', method: 'POST', permission: 'care:write', url: (r) => `/api/tasks/${r.taskId}/postpone`, body: () => ({ version: 1, until: '2026-12-05', reason: '越权' }) },
  { name: 'take over an Anyuan task', method: 'POST', permission: 'care:write', url: (r) => `/api/tasks/${r.taskId}/reassign`, body: (r) => ({ version: 1, assigneeId: r.workerUserId }) },
  { name: 'generate the tasks of Anyuan', method: 'POST', permission: 'care:manage', url: () => '/api/tasks/generate', body: (r) => ({ stationId: r.stationId }) },
  {
    name: 'start a campaign in Anyuan',
    method: 'POST',
    permission: 'care:manage',
    url: () => '/api/campaigns',
    body: (r) => ({ stationId: r.stationId, festival: 'spring_festival', groups: ['left_behind_child'], kinds: ['phone'], windowDays: 7 }),
  },
  { name: 'read an Anyuan campaign', method: 'GET', permission: 'care:read', url: (r) => `/api/campaigns/${r.campaignId}` },
  { name: 'read the alert summary of Anyuan', method: 'GET', permission: 'care:manage', url: (r) => `/api/care/alerts/summary?stationId=${r.stationId}` },
  { name: 'list the alerts of Anyuan', method: 'GET', permission: 'care:manage', url: (r) => `/api/care/alerts?type=no_plan&stationId=${r.stationId}` },
  { name: 'list alerts of an Anyuan village', method: 'GET', permission: 'care:manage', url: (r) => `/api/care/alerts?type=no_plan&villageId=${r.villageId}`, expect: 400 },
  { name: 'export the alerts of Anyuan', method: 'GET', permission: 'care:manage', url: (r) => `/api/care/alerts.xlsx?stationId=${r.stationId}` },
  { name: 'read the visit rate of Anyuan', method: 'GET', permission: 'care:manage', url: (r) => `/api/care/visit-rate?stationId=${r.stationId}` },
  // needs register and ranking
  { name: 'read an Anyuan need', method: 'GET', permission: 'needs:read', url: (r) => `/api/needs/${r.needId}` },
  { name: 'move an Anyuan need on', method: 'PATCH', permission: 'needs:write', url: (r) => `/api/needs/${r.needId}`, body: () => ({ version: 1, status: 'met' }) },
  { name: 'register a need of an Anyuan person', method: 'POST', permission: 'needs:write', url: () => '/api/needs', body: (r) => ({ personId: r.personId, needType: 'psychological' }), expect: 400 },
  { name: "list an Anyuan person's needs", method: 'GET', permission: 'needs:read', url: (r) => `/api/needs?personId=${r.personId}`, expect: 'empty' },
  { name: 'list the needs of an Anyuan village', method: 'GET', permission: 'needs:read', url: (r) => `/api/needs?villageId=${r.villageId}`, expect: 'empty' },
  { name: 'list the needs of Anyuan', method: 'GET', permission: 'needs:read', url: (r) => `/api/needs?stationId=${r.stationId}` },
  { name: 'read the needs summary of Anyuan', method: 'GET', permission: 'needs:read', url: (r) => `/api/needs/summary?stationId=${r.stationId}` },
  { name: 'read the needs summary of an Anyuan village', method: 'GET', permission: 'needs:read', url: (r) => `/api/needs/summary?villageId=${r.villageId}`, expect: 400 },
  { name: 'rank the needs of Anyuan', method: 'GET', permission: 'surveys:analyse', url: (r) => `/api/needs/ranking?group=left_behind_child&stationId=${r.stationId}` },
  { name: 'rank the needs of an Anyuan village', method: 'GET', permission: 'surveys:analyse', url: (r) => `/api/needs/ranking?group=left_behind_child&villageId=${r.villageId}`, expect: 400 },
  { name: 'export the needs ranking of Anyuan', method: 'GET', permission: 'surveys:analyse', url: (r) => `/api/needs/ranking/export?group=left_behind_child&stationId=${r.stationId}` },
  { name: 'draw the needs ranking of Anyuan', method: 'GET', permission: 'surveys:analyse', url: (r) => `/api/needs/ranking/chart.svg?group=left_behind_child&stationId=${r.stationId}` },
  // surveys
  { name: 'build a survey for Anyuan', method: 'POST', permission: 'surveys:write', url: () => '/api/surveys', body: (r) => ({ stationId: r.stationId, title: '越权', audience: 'elder', mode: 'questionnaire', questions: [{ key: 'q', type: 'text', text: '越权' }] }) },
  { name: 'list the surveys of Anyuan', method: 'GET', permission: 'surveys:read', url: (r) => `/api/surveys?stationId=${r.stationId}`, expect: 'empty' },
  { name: 'read an Anyuan survey', method: 'GET', permission: 'surveys:read', url: (r) => `/api/surveys/${r.surveyId}` },
  { name: 'change an Anyuan survey', method: 'PUT', permission: 'surveys:write', url: (r) => `/api/surveys/${r.surveyId}`, body: () => ({ version: 1, status: 'closed' }) },
  { name: 'read a version of an Anyuan survey', method: 'GET', permission: 'surveys:read', url: (r) => `/api/surveys/${r.surveyId}/versions/1` },
  { name: 'answer an Anyuan survey', method: 'POST', permission: 'surveys:respond', url: (r) => `/api/surveys/${r.surveyId}/responses`, body: () => ({ answers: { q: 'b' } }) },
  { name: 'list the responses of an Anyuan survey', method: 'GET', permission: 'surveys:responses', url: (r) => `/api/surveys/${r.surveyId}/responses` },
  { name: 'read an Anyuan response', method: 'GET', permission: 'surveys:responses', url: (r) => `/api/surveys/${r.surveyId}/responses/${r.surveyResponseId}` },
  { name: 'export the responses of an Anyuan survey', method: 'GET', permission: 'surveys:responses', url: (r) => `/api/surveys/${r.surveyId}/responses/export` },
  { name: 'read the results of an Anyuan survey', method: 'GET', permission: 'surveys:analyse', url: (r) => `/api/surveys/${r.surveyId}/results` },
  { name: 'cross-tabulate an Anyuan survey', method: 'GET', permission: 'surveys:analyse', url: (r) => `/api/surveys/${r.surveyId}/crosstab?question=q&by=village` },
];
