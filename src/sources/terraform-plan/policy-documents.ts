import type { PolicyDocument } from '../../model/iam.js';
import type { Unknown } from '../../model/unknown.js';
import { parsePolicyDocument } from '../policy-document.js';
import { AFTER_APPLY } from './marks.js';
import { constantAt, referencedAt, valuesAt, type SideView } from './side-view.js';

const POLICY_DOCUMENT_DATA = 'data.aws_iam_policy_document.';

/**
 * A policy document held in an attribute (a JSON string). When it is known only after apply and its expression
 * reads one `aws_iam_policy_document` data source, the document is built from that data source.
 */
export function documentAt(view: SideView, path: string): PolicyDocument | Unknown | undefined {
  const [value] = valuesAt(view, path);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return view.context.parsePolicyText(value);
  if (value !== AFTER_APPLY) return parsePolicyDocument(value);
  const constant = constantAt(view, path);
  if (typeof constant === 'string') return parsePolicyDocument(constant);
  const documents = referencedAt(view, path).filter((target) => {
    const local = target.id.slice(view.context.idPrefix.length);
    return local.includes(POLICY_DOCUMENT_DATA);
  });
  const [only] = documents;
  if (documents.length !== 1 || only === undefined) return AFTER_APPLY;
  return view.context.dataSourceDocument(only.id.slice(view.context.idPrefix.length));
}
