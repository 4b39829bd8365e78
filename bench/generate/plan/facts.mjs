// Facts every generated plan shares: the account, region, provider and the models agents use.

/** The account every generated resource lives in. */
export const ACCOUNT = '111122223333';
/** The region of the provider and every resource. */
export const REGION = 'us-east-1';
/** The provider every resource comes from, as Terraform names it. */
export const PROVIDER = 'registry.terraform.io/hashicorp/aws';
/** Foundation models agents run on. */
export const FOUNDATION_MODELS = [
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'amazon.titan-text-premier-v1:0',
  'meta.llama3-70b-instruct-v1:0',
];
