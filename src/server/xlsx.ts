import type { FastifyReply } from 'fastify';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download. RFC 5987/6266: an ASCII fallback name and the real (Chinese) name percent-encoded. */
export function sendXlsx(reply: FastifyReply, fileName: string, fallback: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

/** A calendar day as people write it: 2026年11月29日, or 29 November 2026. */
export function writtenDay(day: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'zh-CN') return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
