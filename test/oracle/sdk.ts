// The official Huawei Cloud Node.js SDK core (a devDependency, never shipped), loaded as the CommonJS it is, with
// just enough typing for the oracle tests. Only the pieces the SDK itself uses to sign and send a request.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = '@huaweicloud/huaweicloud-sdk-core';

export interface SdkHttpRequest {
  endpoint: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  pathParams: Record<string, string>;
  data?: unknown;
}

export interface SdkCredentials {
  withAk(ak: string): SdkCredentials;
  withSk(sk: string): SdkCredentials;
  withProjectId(projectId: string): SdkCredentials;
  withSecurityToken(token: string): SdkCredentials;
  /** Adds X-Project-Id / X-Security-Token (and X-Sdk-Content-Sha256 for non-JSON bodies), then signs. */
  processAuthRequest(hcClient: unknown, request: SdkHttpRequest): Promise<SdkHttpRequest>;
}

export interface SdkSigner {
  sign(request: SdkHttpRequest, credential: { getAk(): string; getSk(): string }): Record<string, string>;
  CanonicalURI(path: string): string;
  CanonicalQueryString(request: { queryParams: Record<string, string | string[]> }): string;
  urlEncode(value: string): string;
  buildCanonicalRequest(...parts: string[]): string;
}

export interface SdkHcClient {
  sendRequest(options: Record<string, unknown>): Promise<Record<string, unknown> & { httpStatusCode: number }>;
}

export const AKSKSigner: SdkSigner = require(`${core}/auth/AKSKSigner`).AKSKSigner;

const { BasicCredentials } = require(`${core}/auth/BasicCredentials`) as { BasicCredentials: new () => SdkCredentials };
const { HttpRequestBuilder } = require(`${core}/http/IHttpRequestBuilder`);
const { HcClient } = require(`${core}/HcClient`);
const { DefaultHttpClient } = require(`${core}/http/DefaultHttpClient`);

export function basicCredentials(ak: string, sk: string, projectId?: string, securityToken?: string): SdkCredentials {
  let credentials = new BasicCredentials().withAk(ak).withSk(sk);
  if (projectId !== undefined) credentials = credentials.withProjectId(projectId);
  if (securityToken !== undefined) credentials = credentials.withSecurityToken(securityToken);
  return credentials;
}

/** The request object HcClient.buildRequest hands to the credentials, built with the SDK's own builder. */
export function sdkHttpRequest(parts: Omit<SdkHttpRequest, 'pathParams'>): SdkHttpRequest {
  return new HttpRequestBuilder()
    .withEndpoint(parts.endpoint)
    .withUrl(parts.url)
    .withHeaders({ ...parts.headers })
    .withMethod(parts.method)
    .withPathParams({})
    .withData(parts.data)
    .withQueryParams(parts.queryParams)
    .build();
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * An HcClient assembled as ClientBuilder.build() assembles it for RdsClient (DefaultHttpClient over the endpoints,
 * then the credentials). ClientBuilder itself cannot be loaded: 3.1.211 requires `uuid` without declaring it as a
 * dependency, and its default User-Agent writes ~/.huaweicloud/application_id.
 */
export function hcClient(credentials: SdkCredentials, endpoint: string): SdkHcClient {
  const http = new DefaultHttpClient(
    {
      disableSslVerification: true,
      headers: { 'User-Agent': 'huaweicloud-usdk-nodejs/3.0; rdsjob-oracle' },
      logger: quiet,
    },
    [endpoint],
  );
  return new HcClient(http).withCredential(credentials).withEndpoints([endpoint]);
}

/** GeminiDB's official client (huaweicloud-sdk-gaussdbfornosql), as much of it as the oracle calls. */
export interface GeminiDbClient {
  listJobs(request: unknown): Promise<Record<string, unknown> & { httpStatusCode: number }>;
}

interface ListJobsRequestBuilder {
  withId(id: string): ListJobsRequestBuilder;
  withStartTime(time: string): ListJobsRequestBuilder;
  withEndTime(time: string): ListJobsRequestBuilder;
  withStatus(status: string): ListJobsRequestBuilder;
  withOffset(offset: number): ListJobsRequestBuilder;
  withLimit(limit: number): ListJobsRequestBuilder;
}

const nosql = '@huaweicloud/huaweicloud-sdk-gaussdbfornosql/v3';
const { GaussDBforNoSQLClient } = require(`${nosql}/GaussDBforNoSQLClient`) as {
  GaussDBforNoSQLClient: new (client: SdkHcClient) => GeminiDbClient;
};
const { ListJobsRequest } = require(`${nosql}/model/ListJobsRequest`) as {
  ListJobsRequest: new () => ListJobsRequestBuilder;
};

/** The GeminiDB client over an HcClient assembled as hcClient() does (its newBuilder() is ClientBuilder's). */
export function geminiDbClient(credentials: SdkCredentials, endpoint: string): GeminiDbClient {
  return new GaussDBforNoSQLClient(hcClient(credentials, endpoint));
}

export function listJobsRequest(): ListJobsRequestBuilder {
  return new ListJobsRequest();
}
