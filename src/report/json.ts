import type { Report } from '../model/report.js';
import { sanitizeReport } from './sanitize-report.js';

/** Renders the JSON report: pretty-printed, keys in the order of the Report type, credentials masked. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(sanitizeReport(report), null, 2)}\n`;
}
