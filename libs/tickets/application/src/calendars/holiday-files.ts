import { ConfigError } from '@c360/runtime';
import { isLocalDate, type Holiday } from '@c360/tickets-domain';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const FILE = /^([a-z]{2,8})-(\d{4})\.json$/;

/**
 * Reads every `<region>-<year>.json` in a folder: `{ region, year, holidays: [{ date, name }] }`. Each
 * file is checked as a whole; a bad one stops the start with a message naming the file and the entry.
 */
export function loadHolidayFiles(dir: string): ReadonlyMap<string, readonly Holiday[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    throw new ConfigError([`holiday folder ${dir} cannot be read: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const problems: string[] = [];
  const byRegion = new Map<string, Holiday[]>();
  for (const name of names.sort()) {
    const file = join(dir, name);
    const found = parseHolidayFile(file, readFileSync(file, 'utf8'));
    if ('problems' in found) {
      problems.push(...found.problems);
      continue;
    }
    byRegion.set(found.region, [...(byRegion.get(found.region) ?? []), ...found.holidays]);
  }
  if (problems.length) throw new ConfigError(problems);
  return byRegion;
}

export function parseHolidayFile(
  file: string,
  text: string,
): { region: string; year: number; holidays: Holiday[] } | { problems: string[] } {
  const name = basename(file);
  const match = FILE.exec(name);
  if (!match) return { problems: [`${file}: the name must be <region>-<year>.json (for example ir-2026.json)`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problems: [`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const body = parsed as { region?: unknown; year?: unknown; holidays?: unknown };
  const problems: string[] = [];
  if (body?.region !== match[1]) problems.push(`${file}: "region" must be "${match[1]}" as in the file name`);
  if (body?.year !== Number(match[2])) problems.push(`${file}: "year" must be ${match[2]} as in the file name`);
  if (!Array.isArray(body?.holidays))
    return { problems: [...problems, `${file}: "holidays" must be a list of { "date": "YYYY-MM-DD", "name": "..." }`] };
  const holidays: Holiday[] = [];
  const seen = new Set<string>();
  body.holidays.forEach((entry: { date?: unknown; name?: unknown } | null, index: number) => {
    const where = `${file} holidays[${index}]`;
    if (!isLocalDate(entry?.date)) problems.push(`${where}: date ${JSON.stringify(entry?.date)} is not a calendar date YYYY-MM-DD`);
    else if (!entry.date.startsWith(`${match[2]}-`)) problems.push(`${where}: date ${entry.date} is not in ${match[2]}`);
    else if (seen.has(entry.date)) problems.push(`${where}: date ${entry.date} is listed twice`);
    if (typeof entry?.name !== 'string' || entry.name.trim() === '') problems.push(`${where}: name must be a non-empty string`);
    if (problems.length === 0 && typeof entry?.date === 'string' && typeof entry.name === 'string') {
      seen.add(entry.date);
      holidays.push({ date: entry.date, name: entry.name });
    }
  });
  return problems.length ? { problems } : { region: match[1], year: Number(match[2]), holidays };
}
