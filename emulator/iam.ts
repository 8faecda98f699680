// IAM KeystoneListProjects (`GET /v3/projects?name=REGION`), the lookup that turns a region into a project id.
import type { EmulatorProject } from './types.js';
import { jsonReply, type Reply } from './reply.js';

export const IAM_PROJECTS_PATH = '/v3/projects';
/** A fake account (domain) id shared by every emulated project. */
export const DOMAIN_ID = 'd0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5';

/** The projects whose name equals `name` (all of them without a name), in IAM's response shape. */
export function listProjects(projects: readonly EmulatorProject[], name: string | undefined, baseUrl: string): Reply {
  const matching = projects.filter((project) => name === undefined || project.name === name);
  const self = `${baseUrl}${IAM_PROJECTS_PATH}${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`;
  return jsonReply(200, {
    projects: matching.map((project) => ({
      id: project.id,
      name: project.name,
      domain_id: DOMAIN_ID,
      parent_id: DOMAIN_ID,
      is_domain: false,
      enabled: true,
      description: '',
      links: { self: `${baseUrl}/v3/projects/${project.id}` },
    })),
    links: { self, previous: null, next: null },
  });
}
