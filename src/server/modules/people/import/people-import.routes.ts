import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors';
import { sendXlsx } from '../../../xlsx';
import { zErrorBody } from '../../../../shared/schemas/common';
import { zExportPeopleQuery, zImportPreview, zImportQuery, zImportResult, zSavedMapping, zSaveMappingRequest } from '../../../../shared/schemas/people-import';
import { exportPeople } from '../people-export.service';
import { importPeople, previewImport, saveImportMapping } from './people-import.service';
import { importTemplate } from './template';
import { XLSX_TYPE, type Upload } from './workbook';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 413: zErrorBody, 415: zErrorBody };

/** The multipart field `file`, as an .xlsx; anything else is 415. Too large is 413 (the multipart limit). */
function uploadOf(request: FastifyRequest): () => Promise<Upload> {
  return async () => {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_FILE');
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new AppError('UNSUPPORTED_FILE');
    const looksXlsx = file.filename.toLowerCase().endsWith('.xlsx') || file.mimetype === XLSX_TYPE;
    if (!looksXlsx) {
      file.file.resume();
      throw new AppError('UNSUPPORTED_FILE');
    }
    return { filename: file.filename, buffer: await file.toBuffer() };
  };
}

const multipartDoc = 'multipart/form-data with one field `file` holding an .xlsx (other files → 415 UNSUPPORTED_FILE, too large → 413 PAYLOAD_TOO_LARGE).';

export const peopleImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/people/import-template',
    {
      config: { access: 'people:import' },
      schema: { tags: ['people'], summary: 'The .xlsx import template: our header row, drop-down lists, and a sheet explaining each column', response: errors },
    },
    async (request, reply) => sendXlsx(reply, '人员信息导入模板.xlsx', 'people-import-template.xlsx', await importTemplate(request.ctx)),
  );

  app.post(
    '/api/people/import/preview',
    {
      config: { access: 'people:import' },
      schema: {
        tags: ['people'],
        summary: 'How the first sheet of an .xlsx would be read: layout, header row, headers, signature, mapping, five sample rows',
        description: multipartDoc,
        consumes: ['multipart/form-data'],
        response: { 200: zImportPreview, ...errors },
      },
    },
    async (request) => previewImport(request.ctx, uploadOf(request)),
  );

  app.put(
    '/api/people/import/mappings',
    {
      config: { access: 'people:import' },
      schema: { tags: ['people'], summary: "Save a sheet's column mapping for the station (by header signature; saving again replaces it)", body: zSaveMappingRequest, response: { 200: zSavedMapping, ...errors } },
    },
    async (request) => saveImportMapping(request.ctx, request.body),
  );

  app.post(
    '/api/people/import',
    {
      config: { access: 'people:import' },
      schema: {
        tags: ['people'],
        summary: 'Import people files from an .xlsx (our template, the national left-behind child roster, or a sheet with a saved mapping)',
        description: `${multipartDoc} Each row is checked by the rules of POST /api/people; a row whose identity number (or 档案编号) is on file updates it. Failed rows change nothing; the good rows are written together or not at all. An unrecognised sheet → 400 IMPORT_MAPPING_REQUIRED with details { signature, mapping }.`,
        consumes: ['multipart/form-data'],
        querystring: zImportQuery,
        response: { 200: zImportResult, ...errors },
      },
    },
    async (request) => importPeople(request.ctx, request.query, uploadOf(request)),
  );

  app.get(
    '/api/people/export',
    {
      config: { access: 'people:export' },
      schema: {
        tags: ['people'],
        summary: 'The .xlsx ledger of the files matching the filters of GET /api/people (at most 50,000; audited)',
        description: 'Identity numbers are masked unless the caller holds pii:reveal.',
        querystring: zExportPeopleQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { fileName, body } = await exportPeople(request.ctx, request.query);
      return sendXlsx(reply, fileName, 'people-ledger.xlsx', body);
    },
  );
};
