import { resourceTypeForTerraform } from '../../knowledge/resource-types.js';
import type { PolicyDocument } from '../../model/iam.js';
import type { Maybe, Unknown } from '../../model/unknown.js';
import { joinAddress, parseAddress, type ParsedAddress } from './address.js';
import type { ConfigEntry, ConfigurationIndex, ResolvedReference } from './configuration-index.js';
import { parsePolicyDocument } from '../policy-document.js';
import { dataSourceDocument } from './data-source-document.js';
import type { JsonObject, RawPlan } from './plan-json.js';
import { providerRegion } from './provider-region.js';

/** One instance of a resource, as the plan lists it. */
interface Instance {
  readonly address: string;
  readonly moduleInstance: string;
  readonly key: string;
}

/** What every reader of one plan shares: the indexes built once per plan. */
export class PlanContext {
  /** Instances by configuration address (`module.a.aws_iam_role.x`), to turn references into ids. */
  private readonly instances = new Map<string, Instance[]>();
  /** Data sources' values (after the marks), by address, from the changes, prior state or planned values. */
  readonly dataSources = new Map<string, JsonObject>();

  private readonly documents = new Map<string, PolicyDocument | Unknown>();
  /** Parsed policy documents by their JSON text: both sides of an unchanged policy share one parse. */
  private readonly parsedPolicies = new Map<string, PolicyDocument | Unknown>();
  /** Provider regions by provider key and provider, looked up once rather than per resource. */
  private readonly regions = new Map<string, Maybe<string>>();

  constructor(
    readonly plan: RawPlan,
    readonly configuration: ConfigurationIndex,
    /** The path shown in locations and messages. */
    readonly shown: string,
    readonly idPrefix: string,
  ) {}

  /** Records an address so that references to its resource can find it. */
  addInstance(address: string, parsed: ParsedAddress = parseAddress(address)): void {
    const configAddress = joinAddress(parsed.moduleConfig, parsed.local);
    let list = this.instances.get(configAddress);
    if (list === undefined) {
      list = [];
      this.instances.set(configAddress, list);
    }
    list.push({ address, moduleInstance: parsed.moduleInstance, key: parsed.key });
  }

  /** The IR id of an address. */
  idOf(address: string): string {
    return `${this.idPrefix}${address}`;
  }

  /**
   * The address a reference points at, seen from the resource that makes it: the instance in the same module
   * instance, the one the reference names by key, the only one, or the one with the referrer's own key
   * (`aws_iam_role.r[each.key]`). Undefined when it stays ambiguous.
   */
  addressOf(reference: ResolvedReference, referrer: ParsedAddress): string | undefined {
    const configAddress = joinAddress(reference.moduleConfig, reference.local);
    const sameModule = reference.moduleConfig === referrer.moduleConfig;
    const all = this.instances.get(configAddress) ?? [];
    const candidates = sameModule
      ? all.filter((item) => item.moduleInstance === referrer.moduleInstance)
      : all;
    if (candidates.length === 0) {
      if (all.length > 0) return undefined;
      const modulePath = sameModule ? referrer.moduleInstance : reference.moduleConfig;
      return `${joinAddress(modulePath, reference.local)}${reference.key}`;
    }
    if (reference.key !== '') return candidates.find((item) => item.key === reference.key)?.address;
    if (candidates.length === 1) return candidates[0]?.address;
    if (referrer.key !== '') return candidates.find((item) => item.key === referrer.key)?.address;
    return undefined;
  }

  /** Parses a policy document held as JSON text, once per distinct text. */
  parsePolicyText(text: string): PolicyDocument | Unknown {
    let document = this.parsedPolicies.get(text);
    if (document === undefined) {
      document = parsePolicyDocument(text);
      this.parsedPolicies.set(text, document);
    }
    return document;
  }

  /** The document of an `aws_iam_policy_document` data source, built once however many policies read it. */
  dataSourceDocument(address: string): PolicyDocument | Unknown {
    let document = this.documents.get(address);
    if (document === undefined) {
      document = dataSourceDocument(this.dataSources.get(address), this.configuration.entryFor(address));
      this.documents.set(address, document);
    }
    return document;
  }

  /** The region of a resource: its own `region` attribute (aws provider 6), else its provider's. */
  regionOf(entry: ConfigEntry | undefined, type: string, values: JsonObject | undefined): Maybe<string> {
    const own = values?.region;
    if (typeof own === 'string' && own !== '') return own;
    const key = entry?.resource.provider_config_key ?? '';
    const cacheKey = `${key}\u0000${type.startsWith('awscc_') ? 'awscc' : 'aws'}`;
    let region = this.regions.get(cacheKey);
    if (region === undefined) {
      region = providerRegion(this.plan, entry, type);
      this.regions.set(cacheKey, region);
    }
    return region;
  }
}

/**
 * The IR attribute name of a referenced attribute: `arn` for any ARN, `name` and `id` where the knowledge table says
 * the attribute is the type's name or id, else the attribute itself.
 */
export function normaliseAttribute(local: string, attribute: string): string {
  if (attribute === '') return 'id';
  if (attribute === 'arn' || attribute.endsWith('_arn')) return 'arn';
  if (attribute === 'name' || attribute === 'id') return attribute;
  const type = local.startsWith('data.') ? '' : (local.split('.')[0] ?? '');
  const row = resourceTypeForTerraform(type);
  if (row?.nameAttribute === attribute) return 'name';
  if (row?.idAttribute === attribute) return 'id';
  if (attribute.endsWith('_name')) return 'name';
  return attribute;
}
