import type { Report } from '../model/report.js';
import type { Settings } from '../settings.js';

/**
 * The work the shell drives: analysis and rendering. The action loads the real one lazily (it pulls in the large
 * analysis modules); tests pass a fake so that they exercise only the shell.
 */
export interface Pipeline {
  /** Loads the config and analyses the inputs. Throws only when nothing can be analysed at all. */
  analyze(settings: Settings): Promise<Report>;
  /** The Markdown report, cut to `maxLength` characters with lower-priority sections first. */
  renderMarkdown(report: Report, maxLength: number): string;
  renderJson(report: Report): string;
  renderSarif(report: Report): string;
}
