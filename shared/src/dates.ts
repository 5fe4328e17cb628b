/**
 * Today's date in Bishkek (UTC+6, no daylight saving), where deadlines and rates are meant.
 * One definition for the API (deadlines, rate dates) and the web (forms' defaults and checks).
 */
export function bishkekToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 6 * 3600 * 1000).toISOString().slice(0, 10);
}
