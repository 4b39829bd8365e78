import { limitHeapGrowthFor } from '../cli/heap-growth.js';
import type { Pipeline } from './pipeline.js';

/** Where finding locations link to: a file at the analysed commit. */
export interface PipelineLinks {
  /** `https://github.com/owner/repo/blob/<sha>/`, or null to show locations as text. */
  readonly blobBaseUrl: string | null;
}

/** Links a workspace-relative file; absolute paths and paths that leave the workspace stay text. */
function linkFile(base: string, file: string, line?: number): string | undefined {
  if (file.startsWith('/') || file.split('/').includes('..')) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${base}${path}${line === undefined ? '' : `#L${line}`}`;
}

/**
 * The real pipeline. Imported lazily: the analysis modules are large, and a run that fails on its inputs or only
 * publishes an artifact should not pay for loading them.
 */
export async function loadPipeline(links: PipelineLinks): Promise<Pipeline> {
  const [{ loadConfig }, { analyze }, renderers] = await Promise.all([
    import('../config/load.js'),
    import('../analyze.js'),
    import('../report/index.js'),
  ]);
  const base = links.blobBaseUrl;
  const fileUrl = base === null ? undefined : (file: string, line?: number) => linkFile(base, file, line);
  return {
    analyze: async (settings) => {
      limitHeapGrowthFor(settings);
      const config = await loadConfig(settings.configPath, settings.cwd);
      return analyze(
        settings,
        config,
        settings.configPath === null ? {} : { configFile: settings.configPath },
      );
    },
    renderMarkdown: (report, maxLength) => renderers.renderMarkdown(report, { maxLength, fileUrl }),
    renderJson: (report) => renderers.renderJson(report),
    renderSarif: (report) => renderers.renderSarif(report),
  };
}
