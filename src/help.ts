// The part of `rdsjob --help` that pipelines and new users look for: exit codes and environment variables.
export function helpEpilog(): string {
  return `
Exit codes:
  0  success (jobs fetched, tasks listed; every waited job Completed; nothing runs on the instance)
  1  a job or task ended Failed (wait, get --wait, wait --instance)
  2  usage error: unknown command or option, invalid job id, duration or flag value
  3  configuration or credentials error (incl. HTTP 401/403)
  4  job not found
  5  API or network failure after retries, malformed response; the output could not be written
  6  wait timed out with jobs still running
  70 internal error (a bug in rdsjob; please report it)
  130, 143, 129  stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP

Environment:
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK        access key pair (also HW_ACCESS_KEY, HW_SECRET_KEY)
  HUAWEICLOUD_SDK_SECURITY_TOKEN                temporary credentials (also HW_SECURITY_TOKEN)
  RDSJOB_AUTH_TOKEN                             an IAM token, sent as X-Auth-Token instead of signing
  RDSJOB_REGION, HUAWEICLOUD_SDK_REGION         region (also HW_REGION_NAME)
  HUAWEICLOUD_SDK_PROJECT_ID                    project id (also HW_PROJECT_ID)
  RDSJOB_ENDPOINT, HUAWEICLOUD_SDK_IAM_ENDPOINT endpoint overrides
  RDSJOB_PROFILE, RDSJOB_CONFIG                 profile name, config file path
  RDSJOB_API_TIMEOUT                            what get and config list may spend on the API (default 60s)
  HTTPS_PROXY, ALL_PROXY, NO_PROXY             proxy for https endpoints, as curl reads them (lower-case too)
  NODE_EXTRA_CA_CERTS                           extra CA certificates (e.g. a TLS-inspecting proxy's)
  NO_COLOR, FORCE_COLOR                         colour off / on

Examples:
  $ rdsjob get a9767ede-fe0f-4888-9003-e843a4c90514
  $ rdsjob get $JOB --json | jq -r .status
  $ rdsjob wait $JOB --timeout 30m
  $ rdsjob list --instance $INSTANCE --status running
  $ rdsjob wait --instance $INSTANCE && terraform apply
  $ rdsjob config set region cn-north-4 && rdsjob config set secret-key
  $ rdsjob config list
`;
}
