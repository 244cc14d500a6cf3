import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import {
  zAlert,
  zAlertsQuery,
  zAlertSummary,
  zAlertSummaryQuery,
  zCampaign,
  zCampaignDetail,
  zCareSettings,
  zCompleteTaskReply,
  zCompleteTaskRequest,
  zContactPlan,
  zCreateCampaignReply,
  zCreateCampaignRequest,
  zFestival,
  zFestivalsQuery,
  zGenerateReply,
  zGenerateRequest,
  zListCampaignsQuery,
  zListTasksQuery,
  zPostponeRequest,
  zReassignRequest,
  zResetContactPlanRequest,
  zSetContactPlanRequest,
  zSettingsQuery,
  zTask,
  zTaskDetail,
  zUnreachableRequest,
  zUpdateCareSettingsRequest,
  zVisitRate,
  zVisitRateQuery,
} from '../../../shared/schemas/care';
import { festivalsOfYear } from './festivals';
import { getCareSettings, getContactPlan, resetContactPlan, setContactPlan, updateCareSettings } from './care-settings.service';
import { completeTask, findTasks, getTask, markUnreachable, postponeTask, reassignTask } from './tasks.service';
import { generateTasksNow } from './generate.service';
import { createCampaign, findCampaigns, getCampaign } from './campaigns.service';
import { alertSummary, exportAlerts, findAlerts, visitRate } from './alerts.service';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });
const conflict = 'Name the version you read; a stale one → 409 VERSION_CONFLICT with details.current. A task already done or cancelled → 409 TASK_CLOSED.';

export const careRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendar/festivals',
    {
      config: { access: 'care:read' },
      schema: {
        tags: ['care'],
        summary: "The year's festivals and days of care, computed from the lunar, Tibetan and Gregorian calendars",
        querystring: zFestivalsQuery,
        response: { 200: z.array(zFestival), ...errors },
      },
    },
    async (request) => festivalsOfYear(request.query.year, request.ctx.lang),
  );

  // -- settings and plans -----------------------------------------------------------------------

  app.get(
    '/api/care/settings',
    {
      config: { access: 'care:read' },
      schema: { tags: ['care'], summary: "The station's contact rules, silence alert and village workers", querystring: zSettingsQuery, response: { 200: zCareSettings, ...errors } },
    },
    async (request) => getCareSettings(request.ctx, request.query.stationId),
  );

  app.put(
    '/api/care/settings',
    {
      config: { access: 'care:manage' },
      schema: {
        tags: ['care'],
        summary: "Change the station's care settings",
        description: 'Cadences are 1–365 days (null: no regular contact on that channel). ' + conflict,
        body: zUpdateCareSettingsRequest,
        response: { 200: zCareSettings, ...errors },
      },
    },
    async (request) => updateCareSettings(request.ctx, request.body),
  );

  app.get(
    '/api/people/:id/contact-plan',
    {
      config: { access: 'care:read' },
      schema: { tags: ['care'], summary: "A person's contact plan in force, with the last contact and next due day per channel", params: zParams, response: { 200: zContactPlan, ...errors } },
    },
    async (request) => getContactPlan(request.ctx, request.params.id),
  );

  app.put(
    '/api/people/:id/contact-plan',
    {
      config: { access: 'care:manage' },
      schema: {
        tags: ['care'],
        summary: "Override the station's rules for one person (with a reason)",
        params: zParams,
        body: zSetContactPlanRequest,
        response: { 200: zContactPlan, ...errors },
      },
    },
    async (request) => setContactPlan(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/people/:id/contact-plan/reset',
    {
      config: { access: 'care:manage' },
      schema: { tags: ['care'], summary: "Return a person to the station's rules", params: zParams, body: zResetContactPlanRequest, response: { 200: zContactPlan, ...errors } },
    },
    async (request) => resetContactPlan(request.ctx, request.params.id, request.body),
  );

  // -- tasks ------------------------------------------------------------------------------------

  app.get(
    '/api/tasks',
    {
      config: { access: 'care:read' },
      schema: {
        tags: ['care'],
        summary: 'Calls and visits to make, earliest due first',
        description: 'Volunteers see only their own tasks; workers may list anyone of their station.',
        querystring: zListTasksQuery,
        response: { 200: zPage(zTask), ...errors },
      },
    },
    async (request) => findTasks(request.ctx, request.query),
  );

  app.post(
    '/api/tasks/generate',
    {
      config: { access: 'care:manage' },
      schema: {
        tags: ['care'],
        summary: "Make today's plan tasks now (the app also does it every hour)",
        description: 'Idempotent: running it twice, or in two processes at once, makes no duplicates.',
        body: zGenerateRequest,
        response: { 200: zGenerateReply, ...errors },
      },
    },
    async (request) => generateTasksNow(request.ctx, request.body.stationId),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { access: 'care:read' },
      schema: { tags: ['care'], summary: 'One task with its history', params: zParams, response: { 200: zTaskDetail, ...errors } },
    },
    async (request) => getTask(request.ctx, request.params.id),
  );

  app.post(
    '/api/tasks/:id/complete',
    {
      config: { access: 'care:write' },
      schema: {
        tags: ['care'],
        summary: 'Complete a task with its service record (together or not at all)',
        description: "Sending the same service id again after success returns the same result (200). A task already done by another record → 409 TASK_CLOSED.",
        params: zParams,
        body: zCompleteTaskRequest,
        response: { 200: zCompleteTaskReply, ...errors },
      },
    },
    async (request) => completeTask(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/unreachable',
    {
      config: { access: 'care:write' },
      schema: {
        tags: ['care'],
        summary: 'Could not reach the person: a retry is scheduled; the third raises an alert',
        description: conflict,
        params: zParams,
        body: zUnreachableRequest,
        response: { 200: zTask, ...errors },
      },
    },
    async (request) => markUnreachable(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/postpone',
    {
      config: { access: 'care:write' },
      schema: { tags: ['care'], summary: 'Postpone a task with a reason', description: conflict, params: zParams, body: zPostponeRequest, response: { 200: zTask, ...errors } },
    },
    async (request) => postponeTask(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/reassign',
    {
      config: { access: 'care:write' },
      schema: {
        tags: ['care'],
        summary: 'Give a task to another worker or volunteer of the station (the manager, or whoever holds it)',
        description: conflict,
        params: zParams,
        body: zReassignRequest,
        response: { 200: zTask, ...errors },
      },
    },
    async (request) => reassignTask(request.ctx, request.params.id, request.body),
  );

  // -- campaigns --------------------------------------------------------------------------------

  app.post(
    '/api/campaigns',
    {
      config: { access: 'care:manage' },
      schema: {
        tags: ['care'],
        summary: 'Start a festival campaign: a call or visit for every active person of the groups',
        description: 'Running it again for the same festival and year creates nothing (200 with the existing campaign and tasksCreated 0).',
        body: zCreateCampaignRequest,
        response: { 200: zCreateCampaignReply, 201: zCreateCampaignReply, ...errors },
      },
    },
    async (request, reply) => {
      const { campaign, created } = await createCampaign(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(campaign);
    },
  );

  app.get(
    '/api/campaigns',
    {
      config: { access: 'care:read' },
      schema: { tags: ['care'], summary: 'Campaigns, latest festival first', querystring: zListCampaignsQuery, response: { 200: zPage(zCampaign), ...errors } },
    },
    async (request) => findCampaigns(request.ctx, request.query),
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: 'care:read' },
      schema: { tags: ['care'], summary: 'A campaign with progress by village and by worker, and the goods given', params: zParams, response: { 200: zCampaignDetail, ...errors } },
    },
    async (request) => getCampaign(request.ctx, request.params.id),
  );

  // -- alerts -----------------------------------------------------------------------------------

  app.get(
    '/api/care/alerts/summary',
    {
      config: { access: 'care:manage' },
      schema: { tags: ['care'], summary: 'Alert counts, tasks per worker and the month’s visit rate', querystring: zAlertSummaryQuery, response: { 200: zAlertSummary, ...errors } },
    },
    async (request) => alertSummary(request.ctx, request.query.stationId),
  );

  app.get(
    '/api/care/alerts',
    {
      config: { access: 'care:manage' },
      schema: { tags: ['care'], summary: 'People an alert of one type is about', querystring: zAlertsQuery, response: { 200: zPage(zAlert), ...errors } },
    },
    async (request) => findAlerts(request.ctx, request.query),
  );

  app.get(
    '/api/care/alerts.xlsx',
    {
      config: { access: 'care:manage' },
      schema: {
        tags: ['care'],
        summary: 'Every alert and the visit rate as an Excel workbook (audited)',
        querystring: zAlertSummaryQuery,
        response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
      },
    },
    async (request, reply) => exportAlerts(request.ctx, reply, request.query.stationId),
  );

  app.get(
    '/api/care/visit-rate',
    {
      config: { access: 'care:manage' },
      schema: {
        tags: ['care'],
        summary: 'Share of elders in special difficulty visited or phoned in a month, per village and station (target 100%)',
        querystring: zVisitRateQuery,
        response: { 200: zVisitRate, ...errors },
      },
    },
    async (request) => visitRate(request.ctx, request.query),
  );
};
