/** Days and months are counted in Asia/Shanghai, which has kept UTC+8 without daylight saving since 1991. */
export const SHANGHAI_OFFSET = '+08:00';

/** The instant a Shanghai calendar day starts, optionally some days later. */
export function dayStart(date: string, plusDays = 0): Date {
  const start = new Date(`${date}T00:00:00${SHANGHAI_OFFSET}`);
  return new Date(start.getTime() + plusDays * 86_400_000);
}

/** The Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
